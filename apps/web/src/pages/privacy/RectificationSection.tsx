import type { Me } from '@jouwbot/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Notice } from '../../components/Notice.tsx'
import { ContactDetailsSection } from '../account/ContactDetailsSection.tsx'
import { EmailSection } from '../account/EmailSection.tsx'
import { ProfileSection } from '../account/ProfileSection.tsx'

/**
 * Art. 16: every field the member can correct, in one place (name, language, newsletter, phone,
 * company, address, e-mail with re-verification). Billing details are entered per order; issued invoices are never rewritten.
 */
export function RectificationSection({ me }: { me: Me }) {
  const { t } = useTranslation()
  return (
    <div id="rectification" className="privacy-rectification">
      <Notice tone="info" live={false} title={t('privacyCentre.rectification.title')}>
        <p>{t('privacyCentre.rectification.intro')}</p>
        <p>{t('privacyCentre.rectification.invoices')}</p>
        <p>
          <Link to="/account/bestellingen">{t('privacyCentre.rectification.orders')}</Link>
        </p>
      </Notice>
      {/* Remounted when an objection elsewhere on the page changes the newsletter choice. */}
      <ProfileSection key={String(me.newsletter)} me={me} />
      <ContactDetailsSection />
      <EmailSection me={me} />
    </div>
  )
}

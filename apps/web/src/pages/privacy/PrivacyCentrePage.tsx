import type { Me } from '@jouwbot/shared'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useMe } from '../../lib/session.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import '../account/account.css'
import { ErasureSection } from './ErasureSection.tsx'
import { ExportSection } from './ExportSection.tsx'
import { ObjectionSection } from './ObjectionSection.tsx'
import { RectificationSection } from './RectificationSection.tsx'
import { RestrictionSection } from './RestrictionSection.tsx'
import { StaffAccessSection } from './StaffAccessSection.tsx'
import { ChatConsentSection, useChatContactSync } from '../marketing/chat/ChatConsentSection.tsx'

const sections = ['export', 'rectification', 'objection', 'restriction', 'staffAccess', 'erasure'] as const

/** /account/privacy — the member's privacy centre (inside <RequireAuth>). */
export function PrivacyCentrePage() {
  const { me } = useMe()
  if (!me) return null
  return <PrivacyCentre me={me} />
}

function PrivacyCentre({ me }: { me: Me }) {
  const { t } = useTranslation()
  useDocumentTitle(t('privacyCentre.title'))
  // marketing (Messenger chat): the chat consent only while the ManyChat sync exists.
  const chat = useChatContactSync()
  const shown = sections.flatMap((section) => (section === 'objection' && chat ? (['objection', 'chat'] as const) : [section]))
  return (
    <div className="container account">
      <PageHeader eyebrow={t('account.eyebrow')} title={t('privacyCentre.title')} intro={t('privacyCentre.intro')} />
      <div className="account__layout">
        <nav className="account__nav" aria-label={t('privacyCentre.navLabel')}>
          <ul>
            {shown.map((section) => (
              <li key={section}>
                <a href={`#${section}`}>{t(`privacyCentre.nav.${section}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account__sections">
          <ExportSection />
          <RectificationSection me={me} />
          <ObjectionSection />
          {chat ? <ChatConsentSection /> : null}
          <RestrictionSection />
          <StaffAccessSection />
          <ErasureSection />
        </div>
      </div>
    </div>
  )
}

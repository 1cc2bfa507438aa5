import { useQuery } from '@tanstack/react-query'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useSeller } from '../../lib/useSeller.ts'
import { AccountSection } from '../account/AccountSection.tsx'

/**
 * The member's coaching balance on the account page, and how to book a session. Until the coaching
 * domain books sessions itself, booking is by e-mail to the seller's contact address.
 */
export function CoachingBalanceSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const balance = useQuery(trpc.checkout.coachingBalance.queryOptions())
  const seller = useSeller()
  const email = seller.data?.email
  const contact = email ? <a href={`mailto:${email}?subject=${encodeURIComponent(t('coachingBalance.mailSubject'))}`}>{email}</a> : <span />

  return (
    <AccountSection id="coaching" title={t('coachingBalance.title')}>
      <QueryState query={balance} isEmpty={() => false}>
        {({ sessions }) =>
          sessions > 0 ? (
            <>
              <p className="coaching-balance__count">{t('coachingBalance.count', { count: sessions })}</p>
              <p>{email ? <Trans i18nKey="coachingBalance.howToBook" components={{ contact }} /> : t('coachingBalance.howToBookNoMail')}</p>
            </>
          ) : (
            <p>
              <Trans i18nKey="coachingBalance.none" components={{ pricing: <Link to="/prijzen" /> }} />
            </p>
          )
        }
      </QueryState>
    </AccountSection>
  )
}

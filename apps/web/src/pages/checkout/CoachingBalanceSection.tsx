import { useQuery } from '@tanstack/react-query'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { AccountSection } from '../account/AccountSection.tsx'

/** The member's coaching balance on the account page, and where to book a session. */
export function CoachingBalanceSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const balance = useQuery(trpc.checkout.coachingBalance.queryOptions())

  return (
    <AccountSection id="coaching" title={t('coachingBalance.title')}>
      <QueryState query={balance} isEmpty={() => false}>
        {({ sessions }) =>
          sessions > 0 ? (
            <>
              <p className="coaching-balance__count">{t('coachingBalance.count', { count: sessions })}</p>
              <p>
                <Trans i18nKey="coachingBalance.howToBook" components={{ book: <Link to="/coaching" /> }} />
              </p>
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

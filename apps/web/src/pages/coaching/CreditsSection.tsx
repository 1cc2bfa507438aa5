import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import type { ZoneFormat } from './useCoachingZone.ts'

/** Balance and the expiry date of each unspent credit (soonest first). */
export function CreditsSection({ format }: { format: ZoneFormat }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const credits = useQuery(trpc.coaching.credits.queryOptions())
  return (
    <section aria-labelledby="coaching-credits" className="coaching-card">
      <h2 id="coaching-credits">{t('coachingPage.credits')}</h2>
      <QueryState query={credits} isEmpty={() => false}>
        {(account) =>
          account.balance === 0 ? (
            <p>
              {t('coachingPage.noCredits')} <Link to="/prijzen">{t('coachingPage.buyCredits')}</Link>
            </p>
          ) : (
            <>
              <p className="coaching-balance">{t('coachingPage.balance', { count: account.balance })}</p>
              <ul className="coaching-plain-list">
                {account.credits.map((credit) => (
                  <li key={credit.id}>{t('coachingPage.expires', { date: format.day(credit.expiresAt) })}</li>
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </section>
  )
}

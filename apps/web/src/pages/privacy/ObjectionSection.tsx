import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ActionStatus } from '../../components/ActionStatus.tsx'
import { Button } from '../../components/Button.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { useRowAction } from '../../lib/useRowAction.ts'
import { AccountSection } from '../account/AccountSection.tsx'

/** Art. 21: object to the newsletter and to statistics; takes effect at once. */
export function ObjectionSection() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const settings = useQuery(trpc.privacy.settings.queryOptions())
  const object = useMutation(trpc.privacy.object.mutationOptions())
  const action = useRowAction()

  function objectTo(to: 'newsletter' | 'statistics') {
    return action.run(to, async () => {
      await object.mutateAsync({ to })
      await Promise.all([
        queryClient.invalidateQueries(trpc.privacy.settings.queryFilter()),
        queryClient.invalidateQueries(trpc.privacy.myRequests.queryFilter()),
        queryClient.invalidateQueries(trpc.auth.me.queryFilter()),
      ])
      return t(`privacyCentre.objection.done.${to}`)
    })
  }

  return (
    <AccountSection id="objection" title={t('privacyCentre.objection.title')} intro={t('privacyCentre.objection.intro')}>
      <ActionStatus action={action} focusable />
      <QueryState query={settings} isEmpty={() => false}>
        {(state) => (
          <ul className="privacy-choices">
            <li>
              <p>{state.newsletter ? t('privacyCentre.objection.newsletterOn') : t('privacyCentre.objection.newsletterOff')}</p>
              {state.newsletter ? (
                <Button variant="secondary" pending={action.pendingId === 'newsletter'} onClick={() => void objectTo('newsletter')}>
                  {t('privacyCentre.objection.newsletterButton')}
                </Button>
              ) : null}
            </li>
            <li>
              <p>
                {state.statisticsObjectedAt
                  ? t('privacyCentre.objection.statisticsOff', { date: formatDateTime(state.statisticsObjectedAt, locale) })
                  : t('privacyCentre.objection.statisticsOn')}
              </p>
              {state.statisticsObjectedAt ? null : (
                <Button variant="secondary" pending={action.pendingId === 'statistics'} onClick={() => void objectTo('statistics')}>
                  {t('privacyCentre.objection.statisticsButton')}
                </Button>
              )}
            </li>
            {state.restrictedAt ? <li>{t('privacyCentre.restriction.active', { date: formatDateTime(state.restrictedAt, locale) })}</li> : null}
          </ul>
        )}
      </QueryState>
    </AccountSection>
  )
}

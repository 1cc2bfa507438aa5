import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { DataTable } from '../../components/DataTable.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { applyConsent, browserIdForSaving, readConsent, storeConsent } from './consentStore.ts'

const PURPOSES = ['newsletter', 'statistics'] as const

/**
 * A member's consents: each purpose with one button to give or withdraw it (the same effort either
 * way), and the history from the consent log. Meant for /account/privacy.
 */
export function ConsentSection() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const titleId = useId()
  const consent = useQuery(trpc.privacy.consent.queryOptions({}))
  const history = useQuery(trpc.privacy.consentHistory.queryOptions())
  const save = useMutation(trpc.privacy.setConsent.mutationOptions())

  const toggle = async (purpose: (typeof PURPOSES)[number], granted: boolean) => {
    const browserId = browserIdForSaving()
    await save.mutateAsync({ browserId, choices: { [purpose]: granted }, channel: 'account' })
    if (purpose === 'statistics') storeConsent({ browserId, statistics: granted, decidedAt: new Date().toISOString() })
    else if (readConsent()?.statistics === true) applyConsent(true)
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.privacy.consent.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.privacy.consentHistory.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
    ])
  }

  return (
    <section className="card consent-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('privacy.consents.title')}</h2>
      <QueryState query={consent}>
        {(state) => (
          <ul className="consent-section__list">
            {PURPOSES.map((purpose) => {
              const granted = state.choices[purpose] === true
              return (
                <li key={purpose} className="consent-section__item">
                  <span>
                    <strong>{t(`privacy.consents.purpose.${purpose}`)}</strong>{' '}
                    <span className="muted">{t(granted ? 'privacy.consents.given' : 'privacy.consents.notGiven')}</span>
                  </span>
                  <Button variant="secondary" pending={save.isPending && save.variables.choices[purpose] !== undefined} onClick={() => void toggle(purpose, !granted)}>
                    {t(granted ? 'privacy.consents.withdraw' : 'privacy.consents.give')}
                  </Button>
                </li>
              )
            })}
          </ul>
        )}
      </QueryState>
      {save.isError ? <p role="alert">{t('privacy.consent.saveFailed')}</p> : null}
      <h3>{t('privacy.consents.historyTitle')}</h3>
      <QueryState query={history} empty={<p className="muted">{t('privacy.consents.historyEmpty')}</p>}>
        {(rows) => (
          <DataTable
            caption={t('privacy.consents.historyTitle')}
            rowKey={(r) => r.id}
            rows={rows}
            rowHeader={{ header: t('privacy.consents.col.when'), cell: (r) => formatDateTime(r.at, locale) }}
            columns={[
              { header: t('privacy.consents.col.purpose'), cell: (r) => t(`privacy.consents.purpose.${r.purpose}`) },
              { header: t('privacy.consents.col.choice'), cell: (r) => t(r.granted ? 'privacy.consents.given' : 'privacy.consents.withdrawn') },
              { header: t('privacy.consents.col.channel'), cell: (r) => t(`privacy.consents.channel.${r.channel}`) },
              { header: t('privacy.consents.col.text'), cell: (r) => <code>{r.textVersion}</code> },
            ]}
          />
        )}
      </QueryState>
    </section>
  )
}

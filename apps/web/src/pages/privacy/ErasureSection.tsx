import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { Notice } from '../../components/Notice.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { describeError, type ErrorDetails } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { SudoCancelledError, useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { AccountSection } from '../account/AccountSection.tsx'

/** Art. 17: "delete my account" — what goes and what stays (from the registry), a 14-day grace period. */
export function ErasureSection() {
  const { t } = useTranslation()
  const locale = useLocale()
  const lang = locale === 'en' ? 'en' : 'nl'
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const plan = useQuery(trpc.privacy.erasurePlan.queryOptions())
  const pending = useQuery(trpc.privacy.erasure.queryOptions())
  const schedule = useMutation(trpc.privacy.requestErasure.mutationOptions())
  const cancel = useMutation(trpc.privacy.cancelMyErasure.mutationOptions())
  const [confirmed, setConfirmed] = useState(false)
  const [error, setError] = useState<ErrorDetails | null>(null)

  async function run(action: () => Promise<unknown>) {
    setError(null)
    try {
      await withSudo(action)
      await queryClient.invalidateQueries(trpc.privacy.erasure.queryFilter())
    } catch (caught) {
      if (!(caught instanceof SudoCancelledError)) setError(describeError(caught))
    }
  }

  return (
    <AccountSection id="erasure" title={t('privacyCentre.erasure.title')} intro={t('privacyCentre.erasure.intro')}>
      <FormAlert error={error} />
      <QueryState query={plan} isEmpty={() => false}>
        {(what) => (
          <div className="privacy-erasure-plan">
            <h3>{t('privacyCentre.erasure.deleted')}</h3>
            <ul>
              {what.deleted.map((category) => (
                <li key={category.id}>{category.label[lang]}</li>
              ))}
            </ul>
            <h3>{t('privacyCentre.erasure.anonymised')}</h3>
            <ul>
              {what.anonymised.map((category) => (
                <li key={category.id}>{category.label[lang]}</li>
              ))}
            </ul>
            <h3>{t('privacyCentre.erasure.kept')}</h3>
            <ul>
              {what.kept.map((category) => (
                <li key={category.id}>
                  {category.label[lang]} — {category.duty[lang]}
                </li>
              ))}
            </ul>
            <p className="muted">{t('privacyCentre.erasure.unlinked')}</p>
            <h3>{t('privacyCentre.erasure.processors')}</h3>
            <ul>
              {what.processors.map((processor) => (
                <li key={processor.id}>
                  {processor.name[lang]} — {processor.reason[lang]}
                </li>
              ))}
            </ul>
          </div>
        )}
      </QueryState>
      <QueryState query={pending} isEmpty={() => false}>
        {(scheduled) =>
          scheduled ? (
            <Notice tone="warning" title={t('privacyCentre.erasure.scheduledTitle')}>
              <p>{t('privacyCentre.erasure.scheduled', { date: formatDateTime(scheduled.scheduledFor, locale) })}</p>
              {scheduled.status === 'scheduled' ? (
                <Button variant="secondary" pending={cancel.isPending} onClick={() => void run(() => cancel.mutateAsync())}>
                  {t('privacyCentre.erasure.cancel')}
                </Button>
              ) : null}
            </Notice>
          ) : (
            <div className="form">
              <CheckboxField
                checked={confirmed}
                onChange={(event) => setConfirmed(event.target.checked)}
                label={t('privacyCentre.erasure.confirm', { days: plan.data?.graceDays ?? 14 })}
              />
              <Button variant="danger" disabled={!confirmed} pending={schedule.isPending} onClick={() => void run(() => schedule.mutateAsync())}>
                {t('privacyCentre.erasure.submit')}
              </Button>
            </div>
          )
        }
      </QueryState>
    </AccountSection>
  )
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { DataTable } from '../../components/DataTable.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { describeError, type ErrorDetails } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { AccountSection } from '../account/AccountSection.tsx'

const MESSAGE_MAX = 2000

/** Art. 18: ask for restriction (an admin decides within a month); every request with its outcome and dates. */
export function RestrictionSection() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const requests = useQuery(trpc.privacy.myRequests.queryOptions())
  const request = useMutation(trpc.privacy.requestRestriction.mutationOptions())
  const [message, setMessage] = useState('')
  const [error, setError] = useState<ErrorDetails | null>(null)
  const [status, setStatus] = useState<string | null>(null)

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setError(null)
    setStatus(null)
    try {
      const filed = await request.mutateAsync(message.trim() ? { message: message.trim() } : {})
      setMessage('')
      setStatus(t('privacyCentre.restriction.filed', { date: formatDateTime(filed.dueAt, locale) }))
      await queryClient.invalidateQueries(trpc.privacy.myRequests.queryFilter())
    } catch (caught) {
      setError(describeError(caught))
    }
  }

  return (
    <AccountSection id="restriction" title={t('privacyCentre.restriction.title')} intro={t('privacyCentre.restriction.intro')}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert error={error} />
        <div className="field">
          <label className="field__label" htmlFor="restriction-message">{t('privacyCentre.restriction.message')}</label>
          <textarea
            id="restriction-message"
            className="input textarea"
            rows={3}
            maxLength={MESSAGE_MAX}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary" pending={request.isPending}>
          {t('privacyCentre.restriction.submit')}
        </Button>
        <p className="form__status" role="status">
          {status}
        </p>
      </form>
      <h3>{t('privacyCentre.requests.title')}</h3>
      <QueryState query={requests} empty={<p className="muted">{t('privacyCentre.requests.empty')}</p>}>
        {(rows) => (
          <DataTable
            caption={t('privacyCentre.requests.title')}
            rowKey={(row) => row.id}
            rowHeader={{ header: t('privacyCentre.requests.kind'), cell: (row) => t(`privacyCentre.kinds.${row.kind}`) }}
            columns={[
              { header: t('privacyCentre.requests.filed'), cell: (row) => formatDateTime(row.createdAt, locale) },
              { header: t('privacyCentre.requests.status'), cell: (row) => t(`privacyCentre.statuses.${row.status}`) },
              {
                header: t('privacyCentre.requests.outcome'),
                cell: (row) =>
                  row.resolvedAt
                    ? `${formatDateTime(row.resolvedAt, locale)}${row.outcome ? ` — ${row.outcome}` : ''}`
                    : t('privacyCentre.requests.due', { date: formatDateTime(row.dueAt, locale) }),
              },
            ]}
            rows={rows}
          />
        )}
      </QueryState>
    </AccountSection>
  )
}

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { LoadMore } from '../../../components/LoadMore.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { describeError, type ErrorDetails } from '../../../lib/errors.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import type { AdminPrivacyRequest } from '../types.ts'

const PAGE_SIZE = 25

/** /admin/privacy — the privacy requests queue, by due date (art. 12: one month), 25 at a time. */
export function AdminPrivacyRequestsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('privacyAdmin.requests.title'))
  const trpc = useTRPC()
  const [status, setStatus] = useState<'open' | 'all'>('open')
  // Every read is audit-logged on the server: no refetching on window focus.
  const requests = useInfiniteQuery(
    trpc.admin.privacy.requests.infiniteQueryOptions(
      { status, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchOnWindowFocus: false },
    ),
  )
  const rows = requests.data?.pages.flatMap((page) => page.requests) ?? []
  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('privacyAdmin.requests.title')} intro={t('privacyAdmin.requests.intro')} />
      <p>
        <Button variant="link" onClick={() => setStatus(status === 'open' ? 'all' : 'open')}>
          {status === 'open' ? t('privacyAdmin.requests.showAll') : t('privacyAdmin.requests.showOpen')}
        </Button>
      </p>
      <QueryState query={requests} isEmpty={() => rows.length === 0} empty={<p className="muted">{t('privacyAdmin.requests.empty')}</p>}>
        {() => (
          <div className="admin-page__sections">
            {rows.map((row) => (
              <RequestCard key={row.id} request={row} />
            ))}
          </div>
        )}
      </QueryState>
      <LoadMore query={requests} shown={rows.length > 0 ? t('privacyAdmin.requests.shown', { count: rows.length }) : null} />
    </div>
  )
}

function RequestCard({ request }: { request: AdminPrivacyRequest }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const resolve = useMutation(trpc.admin.privacy.resolveRequest.mutationOptions())
  const [outcome, setOutcome] = useState('')
  const [error, setError] = useState<ErrorDetails | null>(null)
  const who = request.email ? `${request.firstName ?? ''} ${request.lastName ?? ''} <${request.email}>` : t('privacyAdmin.requests.erased')

  async function decide(decision: 'granted' | 'refused') {
    setError(null)
    try {
      await resolve.mutateAsync({ requestId: request.id, decision, outcome })
      await queryClient.invalidateQueries(trpc.admin.privacy.requests.pathFilter())
    } catch (caught) {
      setError(describeError(caught))
    }
  }

  return (
    <AdminSection title={`${t(`privacyCentre.kinds.${request.kind}`)} — ${who}`}>
      <p>
        {t('privacyAdmin.requests.filed', { date: formatDateTime(request.createdAt, locale) })} ·{' '}
        <span className={request.overdue ? 'badge badge--danger' : 'badge badge--muted'}>
          {t('privacyAdmin.requests.due', { date: formatDateTime(request.dueAt, locale) })}
        </span>{' '}
        · {t(`privacyCentre.statuses.${request.status}`)}
        {request.restrictedAt ? (
          <>
            {' '}
            · <span className="badge badge--danger">{t('privacyAdmin.requests.restrictedSince', { date: formatDateTime(request.restrictedAt, locale) })}</span>
          </>
        ) : null}
      </p>
      {request.message ? <blockquote>{request.message}</blockquote> : null}
      {request.processor ? (
        <p>
          {t('privacyAdmin.requests.processorTask', {
            processor: t(`privacyAdmin.requests.processors.${request.processor}`, { defaultValue: request.processor }),
            cause: t(`privacyAdmin.requests.causes.${request.processorCause ?? 'erasure'}`, { defaultValue: request.processorCause ?? '' }),
          })}
          {request.processorRef ? (
            <>
              {' '}
              <code>{request.processorRef}</code>
            </>
          ) : null}
        </p>
      ) : null}
      {request.status === 'open' ? (
        <div className="form">
          <FormAlert error={error} />
          <div className="field">
            <label className="field__label" htmlFor={`outcome-${request.id}`}>
              {t('privacyAdmin.requests.outcome')}
            </label>
            <textarea id={`outcome-${request.id}`} className="input textarea" rows={2} maxLength={2000} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
          </div>
          <div className="form__actions">
            <Button pending={resolve.isPending} onClick={() => void decide('granted')}>
              {t('privacyAdmin.requests.grant')}
            </Button>
            <Button variant="secondary" pending={resolve.isPending} onClick={() => void decide('refused')}>
              {t('privacyAdmin.requests.refuse')}
            </Button>
          </div>
        </div>
      ) : (
        <p>{request.outcome}</p>
      )}
    </AdminSection>
  )
}

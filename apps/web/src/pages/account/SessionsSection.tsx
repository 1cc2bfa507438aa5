import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { DataTable } from '../../components/DataTable.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { describeError, type ErrorDetails } from '../../lib/errors.ts'
import { SudoCancelledError, useSudo } from '../../lib/sudo.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import type { SessionRow } from './types.ts'
import { AccountSection } from './AccountSection.tsx'

export function SessionsSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const sessions = useQuery(trpc.auth.sessions.queryOptions())
  const revoke = useMutation(trpc.auth.revokeSession.mutationOptions())
  const revokeOthers = useMutation(trpc.auth.revokeOtherSessions.mutationOptions())
  const [revokingId, setRevokingId] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<ErrorDetails | null>(null)
  const statusRef = useRef<HTMLParagraphElement>(null)

  const rows = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime(),
  )
  const others = rows.filter((row) => !row.current)
  const deviceOf = (row: SessionRow) => row.device || t('sessions.unknownDevice')

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    setError(null)
    setStatus(null)
    try {
      await withSudo(action)
      await queryClient.invalidateQueries(trpc.auth.sessions.queryFilter())
      setStatus(done)
      // The button that was used is gone now; keep keyboard focus in this section.
      statusRef.current?.focus()
    } catch (caught) {
      if (!(caught instanceof SudoCancelledError)) setError(describeError(caught))
    }
  }

  async function revokeOne(row: SessionRow): Promise<void> {
    setRevokingId(row.id)
    await run(() => revoke.mutateAsync({ sessionId: row.id }), t('sessions.revoked', { device: row.device }))
    setRevokingId(null)
  }

  return (
    <AccountSection id="sessions" title={t('sessions.title')} intro={t('sessions.intro')}>
      <FormAlert error={error} />
      <p className="form__status" role="status" tabIndex={-1} ref={statusRef}>
        {status}
      </p>
      <QueryState query={sessions} isEmpty={() => rows.length === 0}>
        {() => (
          <DataTable
            className="sessions-table"
            caption={t('sessions.caption')}
            rowKey={(row) => row.id}
            rowHeader={{
              header: t('sessions.device'),
              cell: (row) => (
                <>
                  <span className="session-device">{deviceOf(row)}</span>
                  {row.current ? <span className="badge badge--brand">{t('sessions.thisDevice')}</span> : null}
                </>
              ),
            }}
            columns={[
              { header: t('sessions.lastSeen'), cell: (row) => <Time date={row.lastSeenAt} /> },
              { header: t('sessions.createdAt'), cell: (row) => <Time date={row.createdAt} /> },
              {
                header: t('sessions.actions'),
                hideHeader: true,
                className: 'sessions-table__action',
                cell: (row) =>
                  row.current ? null : (
                    <Button
                      variant="secondary"
                      pending={revokingId === row.id}
                      disabled={revokingId !== null || revokeOthers.isPending}
                      onClick={() => void revokeOne(row)}
                    >
                      {t('sessions.revoke')}
                      <span className="visually-hidden"> {t('sessions.revokeContext', { device: deviceOf(row) })}</span>
                    </Button>
                  ),
              },
            ]}
            rows={rows}
          />
        )}
      </QueryState>
      {sessions.isSuccess ? (
        others.length > 0 ? (
          <div className="button-row">
            <Button
              variant="secondary"
              pending={revokeOthers.isPending}
              disabled={revokingId !== null}
              onClick={() => void run(() => revokeOthers.mutateAsync(), t('sessions.revokedOthers'))}
            >
              {t('sessions.revokeOthers')}
            </Button>
          </div>
        ) : (
          <p className="muted">{t('sessions.onlyThis')}</p>
        )
      ) : null}
    </AccountSection>
  )
}

function Time({ date }: { date: Date }) {
  const locale = useLocale()
  return <time dateTime={date.toISOString()}>{formatDateTime(date, locale)}</time>
}

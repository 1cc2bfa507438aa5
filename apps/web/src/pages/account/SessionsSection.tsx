import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { ErrorText } from '../../components/ErrorText.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { Loading } from '../../components/Loading.tsx'
import { describeError, type ErrorDetails } from '../../lib/errors.ts'
import { SudoCancelledError, useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { SessionRow } from './types.ts'
import { AccountSection } from './AccountSection.tsx'
import { SessionTableRow } from './SessionTableRow.tsx'

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
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__message">
            <ErrorText error={describeError(sessions.error)} />
          </p>
          <Button variant="secondary" onClick={() => void sessions.refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table sessions-table">
            <caption className="visually-hidden">{t('sessions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sessions.device')}</th>
                <th scope="col">{t('sessions.lastSeen')}</th>
                <th scope="col">{t('sessions.createdAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('sessions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <SessionTableRow
                  key={row.id}
                  session={row}
                  pending={revokingId === row.id}
                  disabled={revokingId !== null || revokeOthers.isPending}
                  onRevoke={() => void revokeOne(row)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
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

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { Loading } from '../../../components/Loading.tsx'
import { QueryError } from '../../../components/QueryError.tsx'
import { describeError, type ErrorDetails } from '../../../lib/errors.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import type { CourseMemberRow } from './types.ts'
import { useLocale } from '../../../lib/useLocale.ts'

interface Props {
  courseSlug: string
  courseTitle: string
}

/** Who has access to the chosen course now; access given by an admin can be taken back here. */
export function MembersSection({ courseSlug, courseTitle }: Props) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const titleId = useId()
  const statusRef = useRef<HTMLParagraphElement>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<ErrorDetails | null>(null)
  const [revokingId, setRevokingId] = useState<string | null>(null)
  // Every read of this list is audit-logged on the server: no refetching on window focus.
  const members = useQuery({ ...trpc.admin.courseAccess.members.queryOptions({ courseSlug }), refetchOnWindowFocus: false })
  const revoke = useMutation(trpc.admin.courseAccess.revoke.mutationOptions())

  async function revokeRow(row: CourseMemberRow): Promise<void> {
    setRevokingId(row.userId)
    setStatus(null)
    setError(null)
    try {
      const { revoked } = await revoke.mutateAsync({ email: row.email, courseSlug })
      await queryClient.invalidateQueries(trpc.admin.courseAccess.members.queryFilter({ courseSlug }))
      await queryClient.invalidateQueries(trpc.course.outline.pathFilter())
      const key = revoked ? 'revoked' : 'nothingToRevoke'
      setStatus(t(`admin.access.result.${key}`, { email: row.email, course: courseTitle }))
      statusRef.current?.focus()
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setRevokingId(null)
    }
  }

  const rows = members.data ?? []
  return (
    <section className="card admin-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="admin-section__title">
        {t('admin.members.title', { course: courseTitle })}
      </h2>
      <FormAlert error={error} />
      <p className="form__status" role="status" tabIndex={-1} ref={statusRef}>
        {status}
      </p>
      {members.isPending ? <Loading /> : null}
      {members.isError ? <QueryError error={members.error} onRetry={members.refetch} /> : null}
      {members.isSuccess && rows.length === 0 ? <p className="muted">{t('admin.members.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table members-table">
            <caption className="visually-hidden">{t('admin.members.caption', { course: courseTitle })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.members.name')}</th>
                <th scope="col">{t('admin.members.email')}</th>
                <th scope="col">{t('admin.members.source')}</th>
                <th scope="col">{t('admin.members.since')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.userId}>
                  <th scope="row">
                    {row.firstName} {row.lastName}
                  </th>
                  <td className="members-table__email" data-label={t('admin.members.email')}>
                    {row.email}
                  </td>
                  <td data-label={t('admin.members.source')}>
                    <span className={row.source === 'order' ? 'badge badge--success' : 'badge badge--muted'}>
                      {t(`admin.members.via.${row.source}`)}
                    </span>
                  </td>
                  <td data-label={t('admin.members.since')}>
                    <time dateTime={row.grantedAt.toISOString()}>{formatDateTime(row.grantedAt, locale)}</time>
                  </td>
                  <td className="members-table__action">
                    {row.source === 'admin_grant' ? (
                      <Button
                        variant="secondary"
                        pending={revokingId === row.userId}
                        disabled={revokingId !== null}
                        onClick={() => void revokeRow(row)}
                      >
                        {t('admin.members.revoke')}
                        <span className="visually-hidden"> {t('admin.members.revokeContext', { email: row.email })}</span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ActionStatus } from '../../../components/ActionStatus.tsx'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Button } from '../../../components/Button.tsx'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { useRowAction } from '../../../lib/useRowAction.ts'
import type { CourseMemberRow } from './types.ts'

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
  const action = useRowAction()
  // Every read of this list is audit-logged on the server: no refetching on window focus.
  const members = useQuery({ ...trpc.admin.courseAccess.members.queryOptions({ courseSlug }), refetchOnWindowFocus: false })
  const revoke = useMutation(trpc.admin.courseAccess.revoke.mutationOptions())

  function revokeRow(row: CourseMemberRow): Promise<void> {
    return action.run(row.userId, async () => {
      const { revoked } = await revoke.mutateAsync({ email: row.email, courseSlug })
      await queryClient.invalidateQueries(trpc.admin.courseAccess.members.queryFilter({ courseSlug }))
      await queryClient.invalidateQueries(trpc.course.outline.pathFilter())
      const key = revoked ? 'revoked' : 'nothingToRevoke'
      return t(`admin.access.result.${key}`, { email: row.email, course: courseTitle })
    })
  }

  const columns: Column<CourseMemberRow>[] = [
    { header: t('admin.members.email'), className: 'members-table__email', cell: (row) => row.email },
    {
      header: t('admin.members.source'),
      cell: (row) => (
        <span className={row.source === 'order' ? 'badge badge--success' : 'badge badge--muted'}>
          {t(`admin.members.via.${row.source}`)}
        </span>
      ),
    },
    {
      header: t('admin.members.since'),
      cell: (row) => <time dateTime={row.grantedAt.toISOString()}>{formatDateTime(row.grantedAt, locale)}</time>,
    },
    {
      header: t('admin.members.actions'),
      hideHeader: true,
      className: 'members-table__action',
      cell: (row) =>
        row.source === 'admin_grant' ? (
          <Button
            variant="secondary"
            pending={action.pendingId === row.userId}
            disabled={action.pendingId !== null}
            onClick={() => void revokeRow(row)}
          >
            {t('admin.members.revoke')}
            <span className="visually-hidden"> {t('admin.members.revokeContext', { email: row.email })}</span>
          </Button>
        ) : null,
    },
  ]

  return (
    <AdminSection title={t('admin.members.title', { course: courseTitle })}>
      <ActionStatus action={action} focusable />
      <QueryState query={members} empty={<p className="muted">{t('admin.members.empty')}</p>}>
        {(rows) => (
          <DataTable
            className="members-table"
            caption={t('admin.members.caption', { course: courseTitle })}
            rowKey={(row) => row.userId}
            rowHeader={{
              header: t('admin.members.name'),
              cell: (row) => (
                <>
                  {row.firstName} {row.lastName}
                </>
              ),
            }}
            columns={columns}
            rows={rows}
          />
        )}
      </QueryState>
    </AdminSection>
  )
}

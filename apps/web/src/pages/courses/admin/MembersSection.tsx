import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { COURSE_MEMBERS_PAGE_SIZE } from '@jouwbot/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionStatus } from '../../../components/ActionStatus.tsx'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Button } from '../../../components/Button.tsx'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { LoadMore } from '../../../components/LoadMore.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { useRowAction } from '../../../lib/useRowAction.ts'
import type { CourseMemberRow } from './types.ts'

const PAGE_SIZE = COURSE_MEMBERS_PAGE_SIZE

interface Props {
  courseSlug: string
  courseTitle: string
}

/**
 * Who has access to the chosen course now, newest access first, 50 at a time ("load more"), searchable by
 * e-mail or name; access given by an admin can be taken back here.
 */
export function MembersSection({ courseSlug, courseTitle }: Props) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const action = useRowAction()
  const [searchInput, setSearchInput] = useState('')
  const [search, setSearch] = useState('')
  // Every read of this list is audit-logged on the server: no refetching on window focus.
  const members = useInfiniteQuery(
    trpc.admin.courseAccess.members.infiniteQueryOptions(
      { courseSlug, search: search || undefined, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchOnWindowFocus: false },
    ),
  )
  const rows = members.data?.pages.flatMap((page) => page.members) ?? []
  const revoke = useMutation(trpc.admin.courseAccess.revoke.mutationOptions())

  function revokeRow(row: CourseMemberRow): Promise<void> {
    return action.run(row.entitlementId, async () => {
      const { revoked } = await revoke.mutateAsync({ email: row.email, courseSlug })
      await queryClient.invalidateQueries(trpc.admin.courseAccess.members.pathFilter())
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
            pending={action.pendingId === row.entitlementId}
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
      <form
        role="search"
        className="admin-filters"
        onSubmit={(event) => {
          event.preventDefault()
          setSearch(searchInput.trim())
        }}
      >
        <TextField
          label={t('admin.members.search')}
          hint={t('admin.members.searchHint')}
          type="search"
          value={searchInput}
          maxLength={100}
          onChange={(event) => setSearchInput(event.target.value)}
        />
        <div className="admin-filters__actions">
          <Button type="submit" variant="secondary">
            {t('admin.members.searchSubmit')}
          </Button>
        </div>
      </form>
      <QueryState
        query={members}
        isEmpty={() => rows.length === 0}
        empty={<p className="muted">{search ? t('admin.members.noMatches', { search }) : t('admin.members.empty')}</p>}
      >
        {() => (
          <DataTable
            className="members-table"
            caption={t('admin.members.caption', { course: courseTitle })}
            rowKey={(row) => row.entitlementId}
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
      <LoadMore query={members} shown={rows.length > 0 ? t('admin.members.shown', { count: rows.length }) : null} />
    </AdminSection>
  )
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionStatus } from '../../../components/ActionStatus.tsx'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Button } from '../../../components/Button.tsx'
import { DataTable } from '../../../components/DataTable.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { describeError, type ErrorDetails } from '../../../lib/errors.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useMe } from '../../../lib/session.ts'
import { SudoCancelledError, useSudo } from '../../../lib/sudo.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { useRowAction } from '../../../lib/useRowAction.ts'
import type { StaffAccount } from '../types.ts'

/** /admin/autorisaties — every staff account (role, 2FA, last use), the quarterly review, roles granted and withdrawn. */
export function AdminAuthorisationsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('privacyAdmin.staff.title'))
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const { me } = useMe()
  const review = useQuery(trpc.admin.privacy.staff.queryOptions())
  const setRole = useMutation(trpc.admin.privacy.setRole.mutationOptions())
  const grantRole = useMutation(trpc.admin.privacy.grantRole.mutationOptions())
  const recordReview = useMutation(trpc.admin.privacy.recordReview.mutationOptions())
  const action = useRowAction()
  const [email, setEmail] = useState('')
  const [role, setRoleChoice] = useState<'coach' | 'admin'>('coach')
  const [error, setError] = useState<ErrorDetails | null>(null)
  const refresh = () => queryClient.invalidateQueries(trpc.admin.privacy.staff.queryFilter())

  const withdraw = (account: StaffAccount) =>
    action.run(account.userId, async () => {
      await withSudo(() => setRole.mutateAsync({ userId: account.userId, role: 'member' }))
      await refresh()
      return t('privacyAdmin.staff.withdrawn', { email: account.email })
    })

  async function grant(event: React.FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      await withSudo(() => grantRole.mutateAsync({ email, role }))
      setEmail('')
      await refresh()
    } catch (caught) {
      if (!(caught instanceof SudoCancelledError)) setError(describeError(caught))
    }
  }

  async function reviewed() {
    setError(null)
    try {
      await withSudo(() => recordReview.mutateAsync({}))
      await refresh()
    } catch (caught) {
      if (!(caught instanceof SudoCancelledError)) setError(describeError(caught))
    }
  }

  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('privacyAdmin.staff.title')} intro={t('privacyAdmin.staff.intro')} />
      <FormAlert error={error} />
      <QueryState query={review} isEmpty={() => false}>
        {(data) => (
          <div className="admin-page__sections">
            <Notice tone={data.reviewDue ? 'warning' : 'info'} live={false} title={t('privacyAdmin.staff.reviewTitle')}>
              <p>
                {data.lastReview
                  ? t('privacyAdmin.staff.lastReview', { date: formatDateTime(data.lastReview.reviewedAt, locale) })
                  : t('privacyAdmin.staff.neverReviewed')}{' '}
                {data.reviewDue ? t('privacyAdmin.staff.reviewDue') : t('privacyAdmin.staff.nextReview', { date: formatDateTime(data.nextReviewDue, locale) })}
              </p>
              <Button variant="secondary" pending={recordReview.isPending} onClick={() => void reviewed()}>
                {t('privacyAdmin.staff.markReviewed')}
              </Button>
            </Notice>
            <AdminSection title={t('privacyAdmin.staff.listTitle')}>
              <ActionStatus action={action} focusable />
              <DataTable
                caption={t('privacyAdmin.staff.listTitle')}
                rowKey={(row) => row.userId}
                rowHeader={{ header: t('privacyAdmin.staff.person'), cell: (row) => `${row.firstName} ${row.lastName} <${row.email}>` }}
                columns={[
                  { header: t('privacyAdmin.staff.role'), cell: (row) => t(`privacyCentre.roles.${row.role === 'coach' ? 'coach' : 'admin'}`) },
                  {
                    header: t('privacyAdmin.staff.twoFactor'),
                    cell: (row) => (
                      <span className={row.twoFactor ? 'badge badge--success' : 'badge badge--danger'}>
                        {row.twoFactor ? t('privacyAdmin.staff.twoFactorOn') : t('privacyAdmin.staff.twoFactorOff')}
                      </span>
                    ),
                  },
                  { header: t('privacyAdmin.staff.lastUsed'), cell: (row) => (row.lastUsedAt ? formatDateTime(row.lastUsedAt, locale) : t('privacyAdmin.staff.neverUsed')) },
                  {
                    header: t('privacyAdmin.staff.actions'),
                    hideHeader: true,
                    cell: (row) =>
                      row.userId === me?.id ? null : (
                        <Button variant="secondary" pending={action.pendingId === row.userId} onClick={() => void withdraw(row)}>
                          {t('privacyAdmin.staff.withdraw')}
                        </Button>
                      ),
                  },
                ]}
                rows={data.staff}
              />
            </AdminSection>
            <AdminSection title={t('privacyAdmin.staff.grantTitle')}>
              <form className="form" onSubmit={(event) => void grant(event)} noValidate>
                <div className="field">
                  <label className="field__label" htmlFor="grant-email">
                    {t('privacyAdmin.staff.email')}
                  </label>
                  <input id="grant-email" className="input" type="email" autoComplete="off" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
                </div>
                <div className="field">
                  <label className="field__label" htmlFor="grant-role">
                    {t('privacyAdmin.staff.role')}
                  </label>
                  <select id="grant-role" className="input" value={role} onChange={(e) => setRoleChoice(e.target.value === 'admin' ? 'admin' : 'coach')}>
                    <option value="coach">{t('privacyCentre.roles.coach')}</option>
                    <option value="admin">{t('privacyCentre.roles.admin')}</option>
                  </select>
                </div>
                <Button type="submit" pending={grantRole.isPending}>
                  {t('privacyAdmin.staff.grant')}
                </Button>
              </form>
            </AdminSection>
          </div>
        )}
      </QueryState>
    </div>
  )
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Button } from '../../../components/Button.tsx'
import { DataTable } from '../../../components/DataTable.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { SudoCancelledError, useSudo } from '../../../lib/sudo.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { KeyRotationSection } from './KeyRotationSection.tsx'
import { PublishPolicyForm } from './PublishPolicyForm.tsx'

/** /admin/privacy: the retention rules of the registry, their run log, a dry run and a run now; publishing a new statement. */
export function AdminPrivacyPage() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  useDocumentTitle(t('privacy.admin.title'))
  const runs = useQuery(trpc.admin.privacy.retentionRuns.queryOptions({}))
  const dryRun = useMutation(trpc.admin.privacy.runRetention.mutationOptions())
  const realRun = useMutation(trpc.admin.privacy.runRetentionForReal.mutationOptions())
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.privacy.retentionRuns.queryKey() })

  const runDry = async () => {
    await dryRun.mutateAsync({ dryRun: true }).catch(() => undefined)
    await refresh()
  }
  const runReal = async () => {
    if (!window.confirm(t('privacy.admin.confirmRun'))) return
    await withSudo(() => realRun.mutateAsync({ dryRun: false })).catch((error: unknown) => {
      if (!(error instanceof SudoCancelledError)) return undefined
    })
    await refresh()
  }

  return (
    <div className="container">
      <PageHeader eyebrow={t('privacy.admin.eyebrow')} title={t('privacy.admin.title')} intro={t('privacy.admin.intro')} />
      <QueryState query={runs}>
        {(data) => (
          <>
            <AdminSection title={t('privacy.admin.rulesTitle')}>
              <DataTable
                caption={t('privacy.admin.rulesTitle')}
                rowKey={(r) => r.id}
                rows={data.rules}
                rowHeader={{ header: t('privacy.admin.col.rule'), cell: (r) => <code>{r.id}</code> }}
                columns={[
                  { header: t('privacy.admin.col.schedule'), cell: (r) => t(r.schedule === 'daily' ? 'privacy.admin.daily' : 'privacy.admin.monthly') },
                  { header: t('privacy.admin.col.description'), cell: (r) => r.description[locale] },
                ]}
              />
              <p className="form__actions">
                <Button variant="secondary" onClick={() => void runDry()} pending={dryRun.isPending}>
                  {t('privacy.admin.dryRun')}
                </Button>
                <Button variant="danger" onClick={() => void runReal()} pending={realRun.isPending}>
                  {t('privacy.admin.runNow')}
                </Button>
              </p>
              {dryRun.isError || realRun.isError ? <p role="alert">{t('privacy.admin.runFailed')}</p> : null}
            </AdminSection>
            <AdminSection title={t('privacy.admin.runsTitle')}>
              {data.runs.length === 0 ? (
                <p className="muted">{t('privacy.admin.noRuns')}</p>
              ) : (
                <DataTable
                  caption={t('privacy.admin.runsTitle')}
                  rowKey={(r) => r.id}
                  rows={data.runs}
                  rowHeader={{ header: t('privacy.admin.col.started'), cell: (r) => formatDateTime(r.startedAt, locale) }}
                  columns={[
                    { header: t('privacy.admin.col.rule'), cell: (r) => <code>{r.rule}</code> },
                    { header: t('privacy.admin.col.job'), cell: (r) => (r.dryRun ? t('privacy.admin.dryRunLabel', { job: r.job }) : r.job) },
                    {
                      header: t('privacy.admin.col.rows'),
                      cell: (r) =>
                        Object.keys(r.rows).length === 0
                          ? '—'
                          : Object.entries(r.rows)
                              .map(([table, n]) => `${table}: ${n}`)
                              .join(', '),
                    },
                    { header: t('privacy.admin.col.finished'), cell: (r) => (r.finishedAt ? formatDateTime(r.finishedAt, locale) : t('privacy.admin.running')) },
                    { header: t('privacy.admin.col.errors'), cell: (r) => (r.errors.length === 0 ? '—' : r.errors.join('; ')) },
                  ]}
                />
              )}
            </AdminSection>
          </>
        )}
      </QueryState>
      <KeyRotationSection />
      <PublishPolicyForm />
    </div>
  )
}

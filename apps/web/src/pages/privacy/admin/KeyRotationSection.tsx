import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Button } from '../../../components/Button.tsx'
import { DataTable } from '../../../components/DataTable.tsx'
import { ProgressBar } from '../../../components/ProgressBar.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { SudoCancelledError, useSudo } from '../../../lib/sudo.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useLocale } from '../../../lib/useLocale.ts'

/**
 * /admin/privacy: field-encryption key rotation (issue 11 §6). How many values each key id still holds,
 * a start button (sudo), and the runs with their progress (refreshed every 5 s while one runs).
 */
export function KeyRotationSection() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const [message, setMessage] = useState<'started' | 'alreadyRunning' | null>(null)
  const rotations = useQuery({
    ...trpc.admin.privacy.keyRotations.queryOptions({}),
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === 'running') ? 5_000 : false),
  })
  const start = useMutation(trpc.admin.privacy.startKeyRotation.mutationOptions())

  const startRotation = async () => {
    if (!window.confirm(t('privacy.admin.keys.confirmStart'))) return
    setMessage(null)
    const result = await withSudo(() => start.mutateAsync()).catch((error: unknown) => {
      if (!(error instanceof SudoCancelledError)) return undefined
    })
    if (result) setMessage(result.alreadyRunning ? 'alreadyRunning' : 'started')
    await queryClient.invalidateQueries({ queryKey: trpc.admin.privacy.keyRotations.queryKey() })
  }

  return (
    <AdminSection title={t('privacy.admin.keys.title')}>
      <p>{t('privacy.admin.keys.intro')}</p>
      <QueryState query={rotations}>
        {(data) => (
          <>
            <p>
              <strong>{t('privacy.admin.keys.current', { keyId: data.currentKeyId })}</strong>
            </p>
            <DataTable
              caption={t('privacy.admin.keys.valuesTitle')}
              rowKey={(r) => r.field}
              rows={Object.entries(data.valuesByKey).map(([field, byKey]) => ({ field, byKey }))}
              rowHeader={{ header: t('privacy.admin.keys.col.field'), cell: (r) => <code>{r.field}</code> }}
              columns={[
                {
                  header: t('privacy.admin.keys.col.keys'),
                  cell: (r) =>
                    Object.keys(r.byKey).length === 0
                      ? t('privacy.admin.keys.none')
                      : Object.entries(r.byKey)
                          .map(([keyId, n]) => `${keyId}: ${n}`)
                          .join(', '),
                },
              ]}
            />
            <p className="form__actions">
              <Button variant="secondary" onClick={() => void startRotation()} pending={start.isPending}>
                {t('privacy.admin.keys.start')}
              </Button>
            </p>
            {start.isError ? <p role="alert">{t('privacy.admin.keys.startFailed')}</p> : null}
            {message ? <p role="status">{t(`privacy.admin.keys.${message}`)}</p> : null}
            <h3>{t('privacy.admin.keys.runsTitle')}</h3>
            {data.runs.length === 0 ? (
              <p className="muted">{t('privacy.admin.keys.noRuns')}</p>
            ) : (
              <DataTable
                caption={t('privacy.admin.keys.runsTitle')}
                rowKey={(r) => r.id}
                rows={data.runs}
                rowHeader={{ header: t('privacy.admin.keys.col.started'), cell: (r) => formatDateTime(r.startedAt, locale) }}
                columns={[
                  { header: t('privacy.admin.keys.col.target'), cell: (r) => <code>{r.targetKeyId}</code> },
                  { header: t('privacy.admin.keys.col.status'), cell: (r) => t(`privacy.admin.keys.status.${r.status}`) },
                  {
                    header: t('privacy.admin.keys.col.progress'),
                    cell: (r) => (
                      <ProgressBar
                        size="small"
                        label={t('privacy.admin.keys.progressLabel')}
                        valueText={t('privacy.admin.keys.progressValue', { done: r.done, total: r.total })}
                        percent={r.total === 0 ? 100 : (100 * r.done) / r.total}
                      />
                    ),
                  },
                  { header: t('privacy.admin.keys.col.finished'), cell: (r) => (r.finishedAt ? formatDateTime(r.finishedAt, locale) : '—') },
                  { header: t('privacy.admin.keys.col.error'), cell: (r) => r.error ?? '—' },
                ]}
              />
            )}
          </>
        )}
      </QueryState>
    </AdminSection>
  )
}

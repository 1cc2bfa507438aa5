import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { describeError, type ErrorDetails } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { SudoCancelledError, useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { AccountSection } from '../account/AccountSection.tsx'
import type { MyDataExport } from './types.ts'

/** Art. 15/20: "download my data" — a job builds the archive; the download asks for the password again. */
export function ExportSection() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const exports = useQuery({
    ...trpc.privacy.exports.queryOptions(),
    // Progress while a job runs: ask again every few seconds until it is done.
    refetchInterval: (query) => (query.state.data?.some((row) => row.status === 'queued' || row.status === 'running') ? 3000 : false),
  })
  const request = useMutation(trpc.privacy.requestExport.mutationOptions())
  const link = useMutation(trpc.privacy.exportDownloadLink.mutationOptions())
  const [error, setError] = useState<ErrorDetails | null>(null)

  async function start() {
    setError(null)
    try {
      await request.mutateAsync()
      await queryClient.invalidateQueries(trpc.privacy.exports.queryFilter())
    } catch (caught) {
      setError(describeError(caught))
    }
  }

  async function download(row: MyDataExport) {
    setError(null)
    try {
      const { url } = await withSudo(() => link.mutateAsync({ exportId: row.id }))
      window.location.assign(url)
    } catch (caught) {
      if (!(caught instanceof SudoCancelledError)) setError(describeError(caught))
    }
  }

  return (
    <AccountSection id="export" title={t('privacyCentre.export.title')} intro={t('privacyCentre.export.intro')}>
      <FormAlert error={error} />
      <Button onClick={() => void start()} pending={request.isPending}>
        {t('privacyCentre.export.start')}
      </Button>
      <QueryState query={exports} empty={<p className="muted">{t('privacyCentre.export.empty')}</p>}>
        {(rows) => (
          <ul className="privacy-exports">
            {rows.map((row) => (
              <li key={row.id}>
                <p>
                  {t('privacyCentre.export.requested', { date: formatDateTime(row.requestedAt, locale) })} —{' '}
                  {t(`privacyCentre.export.status.${row.status}`)}
                </p>
                {row.status === 'queued' || row.status === 'running' ? (
                  <ProgressBar percent={row.progress} size="small" label={t('privacyCentre.export.progressLabel')} valueText={t('privacyCentre.export.progress', { percent: row.progress })} />
                ) : null}
                {row.status === 'ready' && row.expiresAt ? (
                  <>
                    <p className="muted">{t('privacyCentre.export.until', { date: formatDateTime(row.expiresAt, locale) })}</p>
                    <Button variant="secondary" pending={link.isPending} onClick={() => void download(row)}>
                      {t('privacyCentre.export.download')}
                    </Button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </AccountSection>
  )
}

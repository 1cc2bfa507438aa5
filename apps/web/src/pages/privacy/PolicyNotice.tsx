import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { formatLongDate } from '../../lib/format.ts'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'

/** "Our privacy statement changed": once per new version, for members who joined before it. */
export function PolicyNotice() {
  const { signedIn } = useMe()
  return signedIn ? <PolicyNoticeForMember /> : null
}

function PolicyNoticeForMember() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const notice = useQuery(trpc.privacy.policyNotice.queryOptions())
  const acknowledge = useMutation(trpc.privacy.acknowledgePolicy.mutationOptions())
  if (!notice.data) return null
  const { version, publishedAt, changes } = notice.data
  const close = async () => {
    await acknowledge.mutateAsync({ version }).catch(() => undefined)
    await queryClient.invalidateQueries({ queryKey: trpc.privacy.policyNotice.queryKey() })
  }
  return (
    <aside className="policy-notice" aria-labelledby="policy-notice-title" data-testid="policy-notice">
      <div className="container policy-notice__inner">
        <h2 id="policy-notice-title" className="policy-notice__title">
          {t('privacy.notice.title', { version, date: formatLongDate(publishedAt, locale) })}
        </h2>
        <ul>
          {changes[locale].map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
        <p className="policy-notice__actions">
          <Link to="/privacy">{t('privacy.notice.read')}</Link>
          <Button variant="secondary" onClick={() => void close()} pending={acknowledge.isPending}>
            {t('privacy.notice.close')}
          </Button>
        </p>
      </div>
    </aside>
  )
}

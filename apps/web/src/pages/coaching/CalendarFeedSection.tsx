import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { ZoneFormat } from './useCoachingZone.ts'

/**
 * The private calendar feed (members on /coaching, coaches on /coach): make a link, copy it or open
 * it as `webcal://`, make a new one (the old one stops at once) or revoke it. Only a hash of the
 * link's secret is stored, so the link is shown once, right after it was made.
 */
export function CalendarFeedSection({ format, audience }: { format: Pick<ZoneFormat, 'dateTime'>; audience: 'member' | 'coach' }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const headingId = useId()
  const inputId = useId()
  const feed = useQuery(trpc.coaching.calendarFeed.queryOptions())
  const refresh = () => queryClient.invalidateQueries(trpc.coaching.calendarFeed.queryFilter())
  const create = useMutation(trpc.coaching.createCalendarFeed.mutationOptions({ onSuccess: refresh }))
  const revoke = useMutation(trpc.coaching.revokeCalendarFeed.mutationOptions({ onSuccess: refresh }))
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  const fresh = create.data && !revoke.isSuccess ? create.data : null
  const error = create.error ?? revoke.error

  const make = () => {
    setCopy('idle')
    revoke.reset()
    create.mutate()
  }
  const copyLink = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      setCopy('copied')
    } catch {
      setCopy('failed')
    }
  }

  return (
    <section aria-labelledby={headingId} className="calendar-feed">
      <h2 id={headingId}>{t('calendarFeed.title')}</h2>
      <p>{t(audience === 'coach' ? 'calendarFeed.coachIntro' : 'calendarFeed.intro')}</p>
      <FormAlert error={error ? describeError(error) : null} />
      {revoke.isSuccess && revoke.data.revoked ? <p role="status">{t('calendarFeed.revoked')}</p> : null}
      {fresh ? (
        <div className="calendar-feed__link">
          <label htmlFor={inputId}>{t('calendarFeed.newLink')}</label>
          <input id={inputId} type="text" readOnly value={fresh.url} onFocus={(event) => event.currentTarget.select()} className="calendar-feed__url" />
          <p className="muted">{t('calendarFeed.copyHint')}</p>
          <div className="form-actions">
            <Button variant="secondary" onClick={() => void copyLink(fresh.url)}>
              {t('calendarFeed.copy')}
            </Button>
            <a className="btn btn--secondary" href={fresh.webcalUrl}>
              {t('calendarFeed.subscribe')}
            </a>
          </div>
          <p role="status">{copy === 'copied' ? t('calendarFeed.copied') : copy === 'failed' ? t('calendarFeed.copyFailed') : ''}</p>
          <p className="muted">{t('calendarFeed.howTo')}</p>
        </div>
      ) : null}
      <QueryState query={feed} isEmpty={() => false}>
        {(status) =>
          status ? (
            <>
              <p>
                {t('calendarFeed.active', { date: format.dateTime(status.createdAt) })}{' '}
                {status.lastFetchedAt ? t('calendarFeed.lastFetched', { date: format.dateTime(status.lastFetchedAt) }) : t('calendarFeed.neverFetched')}
              </p>
              <div className="form-actions">
                <Button
                  variant="secondary"
                  pending={create.isPending}
                  onClick={() => {
                    if (window.confirm(t('calendarFeed.confirmRenew'))) make()
                  }}
                >
                  {t('calendarFeed.renew')}
                </Button>
                <Button
                  variant="danger"
                  pending={revoke.isPending}
                  onClick={() => {
                    if (window.confirm(t('calendarFeed.confirmRevoke'))) {
                      create.reset()
                      revoke.mutate()
                    }
                  }}
                >
                  {t('calendarFeed.revoke')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <p>{t('calendarFeed.none')}</p>
              <Button pending={create.isPending} onClick={make}>
                {t('calendarFeed.create')}
              </Button>
            </>
          )
        }
      </QueryState>
    </section>
  )
}

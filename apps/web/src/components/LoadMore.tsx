import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryError } from './QueryError.tsx'
import { Spinner } from './Spinner.tsx'

/** The part of a TanStack infinite query that "load more" needs. */
export interface LoadMoreQuery {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  isFetchNextPageError: boolean
  error: unknown
  fetchNextPage: () => unknown
}

interface Props {
  query: LoadMoreQuery
  /** How many rows are shown ("25 bestellingen getoond."), announced politely after every page; null for none. */
  shown: string | null
}

/**
 * The end of a keyset-paged admin list: the count shown (a live region), the error of a failed next page
 * with a retry, and the "load more" button.
 *
 * While a page loads the button stays focusable (aria-disabled, not disabled: a disabled button drops the
 * keyboard focus to the top of the page). When the last page arrives the button goes away; if it had the
 * focus, the count takes it, so the reader stays at the end of the list.
 */
export function LoadMore({ query, shown }: Props) {
  const { t } = useTranslation()
  const button = useRef<HTMLButtonElement>(null)
  const status = useRef<HTMLParagraphElement>(null)
  const focusCountWhenDone = useRef(false)
  const busy = query.isFetchingNextPage

  useEffect(() => {
    if (busy || query.hasNextPage || !focusCountWhenDone.current) return
    focusCountWhenDone.current = false
    status.current?.focus()
  }, [busy, query.hasNextPage])

  return (
    <div className="load-more">
      <p ref={status} className="muted load-more__count" role="status" tabIndex={-1}>
        {shown}
      </p>
      {query.isFetchNextPageError ? <QueryError error={query.error} onRetry={query.fetchNextPage} /> : null}
      {query.hasNextPage ? (
        <div>
          <button
            ref={button}
            type="button"
            className="btn btn--secondary"
            aria-disabled={busy || undefined}
            aria-busy={busy || undefined}
            onClick={() => {
              if (busy) return
              focusCountWhenDone.current = document.activeElement === button.current
              void query.fetchNextPage()
            }}
          >
            {busy ? <Spinner /> : null}
            <span>{busy ? t('common.loading') : t('common.loadMore')}</span>
          </button>
        </div>
      ) : null}
    </div>
  )
}

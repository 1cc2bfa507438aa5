import type { ReactNode } from 'react'
import { Loading } from './Loading.tsx'
import { QueryError } from './QueryError.tsx'

/** The part of a TanStack query result this component reads (plain and infinite queries). */
interface QueryLike<T> {
  isPending: boolean
  isError: boolean
  error: unknown
  data: T | undefined
  refetch: () => unknown
  /** Infinite queries: a failed "load more" is shown where that button is, not here. */
  isFetchNextPageError?: boolean
}

interface Props<T> {
  query: QueryLike<T>
  /** Shown instead of `children` when `isEmpty(data)`. */
  empty?: ReactNode
  isEmpty?: (data: T) => boolean
  children: (data: T) => ReactNode
}

/**
 * Loading, failed (with a retry button), empty or the content: the four states of a query in one
 * place. A failed refetch keeps the data it had on screen below the error.
 */
export function QueryState<T>({ query, empty, isEmpty = isEmptyList, children }: Props<T>) {
  const { data } = query
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError && !query.isFetchNextPageError ? <QueryError error={query.error} onRetry={query.refetch} /> : null}
      {data === undefined ? null : isEmpty(data) ? (empty ?? null) : children(data)}
    </>
  )
}

function isEmptyList(data: unknown): boolean {
  return Array.isArray(data) && data.length === 0
}

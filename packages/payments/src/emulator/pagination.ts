import { MollieApiProblem } from './errors.ts'
import type { ListPage } from './representation.ts'

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 250

/**
 * Mollie's cursor paging: `from` is the id of the first item of the page (included), `limit` 1–250
 * (default 50). `items` come in list order (newest first unless `sort=asc`).
 */
export function paginate<T extends { id: string }>(items: readonly T[], search: URLSearchParams, extraQuery: Record<string, string> = {}): ListPage<T> {
  const limitText = search.get('limit')
  let limit = DEFAULT_LIMIT
  if (limitText !== null) {
    limit = /^\d+$/.test(limitText) ? Number(limitText) : NaN
    if (!Number.isInteger(limit) || limit < 1) throw new MollieApiProblem(400, 'The limit must be a positive integer.', 'limit')
    if (limit > MAX_LIMIT) throw new MollieApiProblem(400, `The limit may be at most ${MAX_LIMIT}.`, 'limit')
  }

  const from = search.get('from') ?? undefined
  let start = 0
  if (from !== undefined) {
    start = items.findIndex((item) => item.id === from)
    if (start === -1) throw new MollieApiProblem(400, `The 'from' cursor ${from} is not an item of this list.`, 'from')
  }

  const page = items.slice(start, start + limit)
  const next = items[start + limit]
  return {
    items: page,
    query: { limit: String(limit), ...extraQuery },
    from,
    previousFrom: start > 0 ? items[Math.max(0, start - limit)]!.id : null,
    nextFrom: next ? next.id : null,
  }
}

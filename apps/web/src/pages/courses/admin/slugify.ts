/** A URL slug suggested from a title: lower case, accents dropped, words joined by hyphens. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '')
}

/** Swaps the item at `index` with its neighbour (`-1` up, `+1` down); null when that is not possible. */
export function moved<T>(items: readonly T[], index: number, direction: -1 | 1): T[] | null {
  const target = index + direction
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return null
  const next = [...items]
  ;[next[index], next[target]] = [next[target]!, next[index]!]
  return next
}

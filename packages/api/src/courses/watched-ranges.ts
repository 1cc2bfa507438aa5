/**
 * "Really watched" is the union of the intervals the player reports as played (HTML
 * `video.played`). Seeking to the end adds almost nothing, and the union only grows.
 */
export type Range = [number, number]

export function normalizeRanges(ranges: readonly Range[], duration: number): Range[] {
  const clipped = ranges
    .map(([start, end]): Range => [Math.max(0, Math.min(start, duration)), Math.max(0, Math.min(end, duration))])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  const merged: Range[] = []
  for (const [start, end] of clipped) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

export function coveredSeconds(ranges: readonly Range[]): number {
  return ranges.reduce((sum, [start, end]) => sum + (end - start), 0)
}

/** The parts of `next` not already in `known` (both normalised). */
function newParts(known: readonly Range[], next: readonly Range[]): Range[] {
  const parts: Range[] = []
  for (const [start, end] of next) {
    let cursor = start
    for (const [kStart, kEnd] of known) {
      if (kEnd <= cursor || kStart >= end) continue
      if (kStart > cursor) parts.push([cursor, kStart])
      cursor = Math.max(cursor, kEnd)
    }
    if (cursor < end) parts.push([cursor, end])
  }
  return parts
}

/**
 * Adds reported ranges to the known ones, crediting at most `allowanceSeconds` of new viewing
 * (earliest first): nobody watches faster than the clock allows, so a fabricated "I watched it
 * all" only earns what the elapsed time permits. The client re-sends everything it played, so
 * honest viewing that was not credited yet is credited by later saves.
 */
export function creditRanges(known: readonly Range[], reported: readonly Range[], duration: number, allowanceSeconds: number): Range[] {
  const base = normalizeRanges(known, duration)
  let budget = Math.max(0, allowanceSeconds)
  const credited: Range[] = []
  for (const [start, end] of newParts(base, normalizeRanges(reported, duration))) {
    if (budget <= 0) break
    const take = Math.min(end - start, budget)
    credited.push([start, start + take])
    budget -= take
  }
  return normalizeRanges([...base, ...credited], duration)
}

export type Range = [start: number, end: number]

/** `video.played` (or `buffered`) as [start, end] pairs. */
export function timeRangesToArray(ranges: TimeRanges): Range[] {
  const out: Range[] = []
  for (let i = 0; i < ranges.length; i += 1) out.push([ranges.start(i), ranges.end(i)])
  return out
}

/**
 * The union of several lists of ranges, sorted and without overlaps. Used to keep what was played
 * before the player got a fresh video URL (a new source starts with an empty `video.played`).
 */
export function mergeRanges(...lists: ReadonlyArray<ReadonlyArray<Range>>): Range[] {
  const all = lists
    .flat()
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a[0] - b[0])
  const out: Range[] = []
  for (const [start, end] of all) {
    const last = out.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else out.push([start, end])
  }
  return out
}

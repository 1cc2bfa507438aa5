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

/**
 * "% bekeken" while the video plays: what the server counted so far plus what is playing now, as whole
 * percent of the lesson (rounded down, at most 100). Never less than the server's own figure, which the
 * next save confirms (the server may count a little less when a video was raced through).
 */
export function liveWatchedPercent(
  serverPercent: number,
  lists: ReadonlyArray<ReadonlyArray<Range>>,
  durationSeconds: number,
): number {
  if (!(durationSeconds > 0)) return serverPercent
  const covered = mergeRanges(...lists.map((list) => list.map(([start, end]): Range => [Math.max(0, start), Math.min(durationSeconds, end)])))
    .reduce((sum, [start, end]) => sum + (end - start), 0)
  return Math.max(serverPercent, Math.min(100, Math.floor((covered / durationSeconds) * 100)))
}

const TIME_ZONE = 'Europe/Amsterdam'
const DAY_MS = 24 * 60 * 60 * 1000

const amsterdamClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** How far clocks in Amsterdam are ahead of UTC at `instant` (1 h in winter, 2 h in summer), in ms. */
function amsterdamOffsetMs(instant: number): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000
  const part = Object.fromEntries(amsterdamClock.formatToParts(wholeSecond).map(({ type, value }) => [type, Number(value)]))
  const wallAsUtc = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!)
  return wallAsUtc - wholeSecond
}

/** What `<input type="datetime-local">` gives: `2026-03-29T02:30`, seconds and milliseconds optional. */
const DATETIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/

/**
 * The moment a `datetime-local` value means on a clock in the Netherlands, whatever the browser's
 * own time zone: empty → null; unreadable → an invalid Date (the input schema refuses it).
 */
export function amsterdamWallClockToDate(value: string): Date | null {
  if (value === '') return null
  const match = DATETIME_LOCAL.exec(value)
  if (!match) return new Date(Number.NaN)
  const [year, month, day, hour, minute, second = '0', fraction = '0'] = match.slice(1)
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0')))
  // The offsets a day before and a day after differ only when summer time starts or ends in between.
  const offsetBefore = amsterdamOffsetMs(wall - DAY_MS)
  const offsetAfter = amsterdamOffsetMs(wall + DAY_MS)
  const readings = [wall - offsetBefore, wall - offsetAfter].filter((instant) => wall - instant === amsterdamOffsetMs(instant))
  // October's repeated hour has two readings: take the first (still summer time). March's skipped hour
  // has none: read it with winter time, i.e. an hour later (02:30 → 03:30), as browsers and Temporal do.
  return new Date(readings.length > 0 ? Math.min(...readings) : wall - offsetBefore)
}

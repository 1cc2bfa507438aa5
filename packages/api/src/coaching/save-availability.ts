import { asc, coachingAvailability, coachingDateOverrides, eq } from '@jouwbot/db'
import type { AvailabilityInput } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export async function getAvailability(deps: Pick<AppDeps, 'db'>, options: { coachId: string }): Promise<AvailabilityInput> {
  const weekly = await deps.db
    .select({ weekday: coachingAvailability.weekday, startMinute: coachingAvailability.startMinute, endMinute: coachingAvailability.endMinute })
    .from(coachingAvailability)
    .where(eq(coachingAvailability.coachId, options.coachId))
    .orderBy(asc(coachingAvailability.weekday), asc(coachingAvailability.startMinute))
  const rows = await deps.db.select().from(coachingDateOverrides).where(eq(coachingDateOverrides.coachId, options.coachId)).orderBy(asc(coachingDateOverrides.date), asc(coachingDateOverrides.startMinute))
  const overrides = new Map<string, { startMinute: number; endMinute: number }[]>()
  for (const row of rows) {
    const ranges = overrides.get(row.date) ?? []
    if (row.startMinute !== null && row.endMinute !== null) ranges.push({ startMinute: row.startMinute, endMinute: row.endMinute })
    overrides.set(row.date, ranges)
  }
  return { weekly, overrides: [...overrides].map(([date, ranges]) => ({ date, ranges })) }
}

/**
 * Replaces the coach's weekly schedule and date overrides in one transaction. A date with no ranges
 * is a day off. Bookings already made stay as they are.
 */
export async function saveAvailability(deps: Pick<AppDeps, 'db'>, options: { coachId: string; availability: AvailabilityInput }): Promise<AvailabilityInput> {
  const { coachId, availability } = options
  await inTransaction(deps, async (tx) => {
    await tx.db.delete(coachingAvailability).where(eq(coachingAvailability.coachId, coachId))
    await tx.db.delete(coachingDateOverrides).where(eq(coachingDateOverrides.coachId, coachId))
    if (availability.weekly.length > 0) await tx.db.insert(coachingAvailability).values(availability.weekly.map((range) => ({ ...range, coachId })))
    const overrideRows = availability.overrides.flatMap((override): (typeof coachingDateOverrides.$inferInsert)[] =>
      override.ranges.length === 0 ? [{ coachId, date: override.date, startMinute: null, endMinute: null }] : override.ranges.map((range) => ({ coachId, date: override.date, ...range })),
    )
    if (overrideRows.length > 0) await tx.db.insert(coachingDateOverrides).values(overrideRows)
  })
  return getAvailability(deps, { coachId })
}

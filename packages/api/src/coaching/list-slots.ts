import { and, coachProfiles, coachingBookings, coachingSessionTypes, eq } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { liveBookings, loadSlotRules } from './coach-rules.ts'
import { computeSlots, type DayStatus } from './slots.ts'

export interface ListSlotsOptions {
  memberId: string
  coachId: string
  sessionTypeId: string
  /** The member's own booking being moved: its time and its day's count are free for it. */
  rescheduleBookingId?: string
}

export interface SlotList {
  coachTimeZone: string
  durationMinutes: number
  days: { date: string; status: DayStatus; slots: string[] }[]
}

/** The slots a member may book now, computed on the server; the browser shows them in the member's zone. */
export async function listSlots(deps: Pick<AppDeps, 'db' | 'clock'>, options: ListSlotsOptions): Promise<SlotList> {
  const now = deps.clock.now()
  const [coach] = await deps.db.select().from(coachProfiles).where(and(eq(coachProfiles.userId, options.coachId), eq(coachProfiles.active, true)))
  if (!coach) throw new AppError('NOT_FOUND', 'coaching.coachNotFound')
  const [type] = await deps.db
    .select()
    .from(coachingSessionTypes)
    .where(and(eq(coachingSessionTypes.id, options.sessionTypeId), eq(coachingSessionTypes.coachId, coach.userId), eq(coachingSessionTypes.active, true)))
  if (!type) throw new AppError('NOT_FOUND', 'coaching.sessionTypeNotFound')
  let exclude: string | undefined
  if (options.rescheduleBookingId) {
    const [own] = await deps.db
      .select({ id: coachingBookings.id })
      .from(coachingBookings)
      .where(and(eq(coachingBookings.id, options.rescheduleBookingId), eq(coachingBookings.memberId, options.memberId), eq(coachingBookings.coachId, coach.userId)))
    if (!own) throw new AppError('NOT_FOUND', 'coaching.bookingNotFound')
    exclude = own.id
  }
  const days = computeSlots({
    rules: await loadSlotRules(deps.db, coach),
    durationMinutes: type.durationMinutes,
    coachBookings: await liveBookings(deps.db, { coachId: coach.userId }, now, coach.horizonDays, exclude),
    memberBookings: await liveBookings(deps.db, { memberId: options.memberId }, now, coach.horizonDays, exclude),
    now,
  })
  return {
    coachTimeZone: coach.timeZone,
    durationMinutes: type.durationMinutes,
    days: days.map((day) => ({ date: day.date, status: day.status, slots: day.slots.map((slot) => slot.startsAt.toISOString()) })),
  }
}

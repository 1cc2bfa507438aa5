import { and, coachingBookings, eq, gt, lte } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { mailBookingParties } from './booking-mail.ts'

const HOUR = 3_600_000
/** Reminders 24 h and 1 h before the start. */
export const REMINDERS = [
  { name: '24h', beforeMs: 24 * HOUR },
  { name: '1h', beforeMs: HOUR },
] as const

/**
 * Queues the reminders that are due: for each live booking whose start is within a reminder's lead
 * time, once per booking, SEQUENCE, reminder and recipient (the outbox's dedupe key). A cancelled
 * booking is never selected; a moved one has a new SEQUENCE and so its own reminders. A reminder
 * whose moment passed while the job did not run is still sent while the session is ahead.
 */
export async function sendReminders(deps: AppDeps): Promise<{ queued: number }> {
  const now = deps.clock.now()
  let queued = 0
  for (const reminder of REMINDERS) {
    const due = await deps.db
      .select()
      .from(coachingBookings)
      .where(and(eq(coachingBookings.status, 'booked'), gt(coachingBookings.startsAt, now), lte(coachingBookings.startsAt, new Date(now.getTime() + reminder.beforeMs))))
      .limit(500)
    for (const booking of due) {
      // The 24 h reminder is pointless once the 1 h one is due.
      if (reminder.name === '24h' && booking.startsAt.getTime() - now.getTime() <= HOUR) continue
      // Booked or moved inside the lead time: the confirmation has just said it all.
      if (booking.updatedAt.getTime() > booking.startsAt.getTime() - reminder.beforeMs) continue
      await inTransaction(deps, (tx) => mailBookingParties(tx.db, tx, booking, 'reminder', now, { dedupeSuffix: `:${reminder.name}` }))
      queued += 1
    }
  }
  if (queued > 0) deps.onMailQueued?.()
  return { queued }
}

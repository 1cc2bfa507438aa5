import { coachProfiles, coachingBookings, coachingSessionTypes, eq, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'

/** Who acts on a booking: its member, its coach, or an admin. */
export interface Actor {
  userId: string
  role: 'member' | 'coach' | 'admin'
}

export type ActingAs = 'member' | 'coach' | 'admin'

/** Locks the booking (and its coach, then the type) and says in which capacity the actor may act. */
export async function loadBookingFor(db: DbOrTx, bookingId: string, actor: Actor) {
  const [found] = await db.select().from(coachingBookings).where(eq(coachingBookings.id, bookingId))
  if (!found) throw new AppError('NOT_FOUND', 'coaching.bookingNotFound')
  // Coach first, then booking: the order every booking change takes, so two never wait on each other.
  const [coach] = await db.select().from(coachProfiles).where(eq(coachProfiles.userId, found.coachId)).for('update')
  const [booking] = await db.select().from(coachingBookings).where(eq(coachingBookings.id, bookingId)).for('update')
  const [type] = await db.select().from(coachingSessionTypes).where(eq(coachingSessionTypes.id, booking!.sessionTypeId))
  const as: ActingAs | null =
    actor.role === 'admin' ? 'admin' : booking!.coachId === actor.userId ? 'coach' : booking!.memberId === actor.userId ? 'member' : null
  // Someone else's booking is "not found", never "forbidden": its existence is nobody else's business.
  if (!as) throw new AppError('NOT_FOUND', 'coaching.bookingNotFound')
  return { booking: booking!, coach: coach!, type: type!, as }
}

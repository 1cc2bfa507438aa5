import { coachProfiles, eq, users } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'

/**
 * An admin makes a member a coach (role `coach`, a profile with the defaults: Europe/Amsterdam, 24 h
 * notice, 60 days ahead, 2 reschedules) or ends it (role `member`, profile inactive: no new bookings;
 * booked sessions stay). Admins keep their role. Audited.
 */
export async function setCoachRole(deps: Pick<AppDeps, 'db' | 'clock'>, options: { adminId: string; email: string; coach: boolean }) {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [user] = await tx.db.select().from(users).where(eq(users.email, options.email.trim().toLowerCase())).for('update')
    if (!user) throw new AppError('NOT_FOUND', 'admin.userNotFound')
    if (user.role !== 'admin') await tx.db.update(users).set({ role: options.coach ? 'coach' : 'member', updatedAt: now }).where(eq(users.id, user.id))
    if (options.coach) {
      await tx.db
        .insert(coachProfiles)
        .values({ userId: user.id, displayName: `${user.firstName} ${user.lastName}`.trim(), createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: coachProfiles.userId, set: { active: true, updatedAt: now } })
    } else {
      await tx.db.update(coachProfiles).set({ active: false, updatedAt: now }).where(eq(coachProfiles.userId, user.id))
    }
    await recordAudit(tx.db, { actorUserId: options.adminId, subjectUserId: user.id, action: options.coach ? 'coaching.coach_added' : 'coaching.coach_removed' }, now)
    return { userId: user.id, coach: options.coach }
  })
}

export function listCoachesForAdmin(deps: Pick<AppDeps, 'db'>) {
  return deps.db
    .select({ userId: coachProfiles.userId, displayName: coachProfiles.displayName, active: coachProfiles.active, email: users.email, role: users.role })
    .from(coachProfiles)
    .innerJoin(users, eq(users.id, coachProfiles.userId))
}

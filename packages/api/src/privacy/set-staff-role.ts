import type { UserRow } from '@jouwbot/auth'
import { eq, users, type UserRole } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export interface SetStaffRoleInput {
  admin: Pick<UserRow, 'id'>
  /** The account by id (the review list) or by e-mail (granting a role to a member). */
  target: { userId: string } | { email: string }
  role: UserRole
}

/**
 * Grants or withdraws a staff role from the authorisations review (sudo mode, audited). An admin
 * cannot change their own role, so the one who acts always stays admin: there is never none left.
 */
export async function setStaffRole(deps: AppDeps, { admin, target, role }: SetStaffRoleInput) {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db }) => {
    const where = 'userId' in target ? eq(users.id, target.userId) : eq(users.email, target.email)
    const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(where).for('update').limit(1)
    if (!user) throw new AppError('NOT_FOUND', 'admin.userNotFound')
    if (user.id === admin.id) throw new AppError('FORBIDDEN', 'privacy.cannotChangeOwnRole')
    if (user.role === role) return { userId: user.id, role, changed: false }
    await db.update(users).set({ role, updatedAt: now }).where(eq(users.id, user.id))
    await recordAudit(db, { actorUserId: admin.id, subjectUserId: user.id, action: 'privacy.role_changed', details: { from: user.role, to: role } }, now)
    return { userId: user.id, role, changed: true }
  })
}

import { coachingCreditExtensions, coachingCreditUnits, eq, users } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { grantCreditsInLedger, lockBalance } from './credit-ledger.ts'

/** An admin grants credits by hand (audited); they expire 12 months from now like bought ones. */
export async function grantCredits(deps: Pick<AppDeps, 'db' | 'clock'>, options: { adminId: string; userId: string; credits: number; note: string }): Promise<{ granted: number }> {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [user] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, options.userId))
    if (!user) throw new AppError('NOT_FOUND', 'admin.userNotFound')
    await lockBalance(tx.db, user.id)
    const granted = await grantCreditsInLedger(tx.db, { reason: 'admin', userId: user.id, credits: options.credits, actorUserId: options.adminId, note: options.note, now })
    await recordAudit(tx.db, { actorUserId: options.adminId, subjectUserId: user.id, action: 'coaching.credits_granted', details: { credits: granted, note: options.note } }, now)
    return { granted }
  })
}

/** An admin extends one credit's expiry (audited, kept in the extensions table). */
export async function extendCreditExpiry(deps: Pick<AppDeps, 'db' | 'clock'>, options: { adminId: string; unitId: string; expiresAt: Date }) {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now()
    const [unit] = await tx.db.select().from(coachingCreditUnits).where(eq(coachingCreditUnits.id, options.unitId)).for('update')
    if (!unit || unit.takenBackAt || unit.expiredAt || unit.bookingId) throw new AppError('NOT_FOUND', 'coaching.creditNotFound')
    if (options.expiresAt <= unit.expiresAt) throw new AppError('BAD_REQUEST', 'validation.invalid')
    await tx.db.update(coachingCreditUnits).set({ expiresAt: options.expiresAt }).where(eq(coachingCreditUnits.id, unit.id))
    await tx.db.insert(coachingCreditExtensions).values({ unitId: unit.id, previousExpiresAt: unit.expiresAt, expiresAt: options.expiresAt, actorUserId: options.adminId, createdAt: now })
    await recordAudit(tx.db, { actorUserId: options.adminId, subjectUserId: unit.userId, action: 'coaching.credit_extended', details: { unitId: unit.id, from: unit.expiresAt.toISOString(), to: options.expiresAt.toISOString() } }, now)
    return { unitId: unit.id, expiresAt: options.expiresAt }
  })
}

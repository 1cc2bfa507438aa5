import { verifyTotp, type UserRow } from '@jouwbot/auth'
import { and, eq, isNull, lt, or, users } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

/**
 * True when the code is right for the user's TOTP secret and its time step is newer than any
 * step used before. The step is recorded with a conditional update, so two requests racing with
 * the same code cannot both succeed.
 */
export async function checkTotpCode(deps: Pick<AppDeps, 'db' | 'cipher' | 'clock'>, user: UserRow, code: string): Promise<boolean> {
  if (!user.totpSecret) return false
  const secret = deps.cipher.decrypt(user.totpSecret)
  const step = verifyTotp(secret, code, deps.clock.now(), user.totpLastUsedStep)
  if (step === null) return false
  const updated = await deps.db
    .update(users)
    .set({ totpLastUsedStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastUsedStep), lt(users.totpLastUsedStep, step))))
    .returning({ id: users.id })
  return updated.length === 1
}

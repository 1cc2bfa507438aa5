import { addMs, DAY, HOUR, randomToken, sha256Hex } from '@jouwbot/auth'
import { and, eq, gt, isNull, userTokens, type DbOrTx, type UserTokenPurpose } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'

export const tokenLifetimeMs: Record<UserTokenPurpose, number> = {
  verify_email: DAY,
  reset_password: HOUR,
  change_email: DAY,
}

/**
 * Issues a single-use link token (256 bits). Only its SHA-256 is stored, and a new token
 * replaces any unused one for the same purpose, so only the newest mail's link works.
 */
export async function issueUserToken(
  db: DbOrTx,
  input: { userId: string; purpose: UserTokenPurpose; newEmail?: string },
  now: Date,
): Promise<string> {
  const token = randomToken(32)
  await db
    .delete(userTokens)
    .where(and(eq(userTokens.userId, input.userId), eq(userTokens.purpose, input.purpose), isNull(userTokens.usedAt)))
  await db.insert(userTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: sha256Hex(token),
    newEmail: input.newEmail ?? null,
    expiresAt: addMs(now, tokenLifetimeMs[input.purpose]),
    createdAt: now,
  })
  return token
}

/** Marks the token used in one atomic statement: a second use, or an expired token, is refused. */
export async function consumeUserToken(db: DbOrTx, token: string, purpose: UserTokenPurpose, now: Date) {
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.tokenHash, sha256Hex(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .returning()
  if (!row) throw new AppError('BAD_REQUEST', 'auth.tokenInvalid')
  return row
}

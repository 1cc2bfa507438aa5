import { and, eq, lt, ne, sessions, sql, users, type DbOrTx } from '@jouwbot/db'
import { addMs, DAY, HOUR, MINUTE } from './clock.ts'
import { constantTimeEqualStrings, randomToken, sha256Hex } from './random.ts'

/**
 * Sessions as the Lucia guide prescribes (lucia-auth.com, after the `lucia` package was
 * deprecated): the cookie holds `<id>.<secret>`; the database stores the id and SHA-256 of the
 * secret only, compared in constant time. A stolen database does not yield usable tokens.
 */
export const SESSION_SLIDING_MS = 30 * DAY
export const SESSION_ABSOLUTE_MS = 90 * DAY
/** Renew the sliding expiry (and last-seen) at most once an hour: one write per hour, not per request. */
export const SESSION_RENEW_EVERY_MS = HOUR
/** A session still waiting for the second factor is only good for finishing the login. */
export const PENDING_SECOND_FACTOR_MS = 10 * MINUTE

export type SessionRow = typeof sessions.$inferSelect
export type UserRow = typeof users.$inferSelect

export interface SessionValidation {
  session: SessionRow
  user: UserRow
  /** True when the expiry moved and the cookie should be sent again. */
  renewed: boolean
}

export interface NewSession {
  userId: string
  userAgent: string | null
  twoFactorVerified: boolean
}

export async function createSession(
  db: DbOrTx,
  input: NewSession,
  now: Date,
): Promise<{ token: string; session: SessionRow }> {
  const id = randomToken(16) // 128 bits, not secret
  const secret = randomToken(32) // 256 bits
  const lifetime = input.twoFactorVerified ? SESSION_SLIDING_MS : PENDING_SECOND_FACTOR_MS
  const cap = input.twoFactorVerified ? SESSION_ABSOLUTE_MS : PENDING_SECOND_FACTOR_MS
  const [session] = await db
    .insert(sessions)
    .values({
      id,
      userId: input.userId,
      secretHash: sha256Hex(secret),
      twoFactorVerified: input.twoFactorVerified,
      reauthenticatedAt: now,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      lastSeenAt: now,
      expiresAt: addMs(now, lifetime),
      absoluteExpiresAt: addMs(now, cap),
      createdAt: now,
    })
    .returning()
  return { token: `${id}.${secret}`, session: session! }
}

function buildSessionLookup(db: DbOrTx) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .limit(1)
    .prepare('session_lookup')
}
const preparedLookups = new WeakMap<object, ReturnType<typeof buildSessionLookup>>()

/**
 * The lookup behind every request, prepared once per database handle: building drizzle's SQL for
 * it was about a tenth of the CPU of a request (bench:outline profile).
 */
function sessionLookup(db: DbOrTx) {
  let prepared = preparedLookups.get(db)
  if (!prepared) {
    prepared = buildSessionLookup(db)
    preparedLookups.set(db, prepared)
  }
  return prepared
}

export async function validateSessionToken(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<SessionValidation | null> {
  const [id, secret, extra] = token.split('.')
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 128) return null

  const [row] = await sessionLookup(db).execute({ id })
  if (!row || !constantTimeEqualStrings(row.session.secretHash, sha256Hex(secret))) return null

  const { session } = row
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt) {
    await db.delete(sessions).where(eq(sessions.id, id))
    return null
  }

  const renewDue = now.getTime() - session.lastSeenAt.getTime() >= SESSION_RENEW_EVERY_MS
  if (!renewDue) return { session, user: row.user, renewed: false }

  const expiresAt = new Date(Math.min(now.getTime() + SESSION_SLIDING_MS, session.absoluteExpiresAt.getTime()))
  await db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, id))
  return { session: { ...session, expiresAt, lastSeenAt: now }, user: row.user, renewed: true }
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId))
}

/** Signs a user out everywhere, optionally keeping the session that asked for it. */
export async function invalidateUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId))
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id })
  return deleted.length
}

/** Account-flow helpers for integration tests: TOTP codes, 2FA on, refusal checks, session lookups. */
import { expect } from 'vitest'
import type { AppDeps } from '@jouwbot/api'
import { totpStepAt, validateSessionToken } from '@jouwbot/auth'
import { auditLog, eq, sessions, users } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import type { TestClient } from './client.ts'

/** The 6-digit code an authenticator app shows at `at` (optionally for a neighbouring step). */
export function totpCode(secret: string, at: Date, stepOffset = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(totpStepAt(at) + stepOffset), 6)
}

/**
 * Turns 2FA on for the member behind `client` (needs sudo mode, e.g. right after login). The
 * enabling code's time step counts as used, so the clock moves on one step: the next code the
 * test computes is a fresh one.
 */
export async function turnOnTwoFactor(
  deps: AppDeps & { clock: { advance(ms: number): void } },
  client: TestClient,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await (await client.api()).twoFactor.setup()
  const { recoveryCodes } = await (await client.api()).twoFactor.enable({ code: totpCode(secret, deps.clock.now()) })
  deps.clock.advance(30_000)
  return { secret, recoveryCodes }
}

/** Catches the rejection of a call that must fail (and fails the test when it does not). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string; cause?: unknown }> {
  try {
    await promise
  } catch (error) {
    return error as Error & { code?: string }
  }
  throw new Error('expected the call to be refused, but it succeeded')
}

/** Asserts a refused call: tRPC code plus the i18n key the client gets. */
export async function expectRefusal(promise: Promise<unknown>, code: string, key: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code, message: key })
}

/** Asserts a TOO_MANY_REQUESTS refusal with a positive retry-after; returns that retry-after. */
export async function expectThrottled(promise: Promise<unknown>, maxSeconds: number, key = 'error.tooManyRequests'): Promise<number> {
  const error = await rejectionOf(promise)
  expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: key })
  expect(error.cause).toBeInstanceOf(AppError)
  const retryAfter = (error.cause as AppError).retryAfterSeconds
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds)
  return retryAfter!
}

export async function userByEmail(deps: AppDeps, email: string) {
  const [user] = await deps.db.select().from(users).where(eq(users.email, email))
  if (!user) throw new Error(`no user ${email}`)
  return user
}

export async function usersWithEmail(deps: AppDeps, email: string) {
  return deps.db.select().from(users).where(eq(users.email, email))
}

export function sessionIdOf(token: string | null): string {
  if (!token) throw new Error('the client has no session cookie')
  return token.split('.')[0]!
}

/** The stored session row behind a cookie token (undefined when it no longer exists). */
export async function sessionRow(deps: AppDeps, token: string | null) {
  const [row] = await deps.db.select().from(sessions).where(eq(sessions.id, sessionIdOf(token)))
  return row
}

/** Whether a cookie token still opens a session now (as the HTTP adapter would resolve it). */
export async function tokenWorks(deps: AppDeps, token: string | null): Promise<boolean> {
  if (!token) return false
  return (await validateSessionToken(deps.db, token, deps.clock.now())) !== null
}

export async function auditActions(deps: AppDeps, userId: string) {
  return deps.db.select().from(auditLog).where(eq(auditLog.subjectUserId, userId)).orderBy(auditLog.createdAt)
}

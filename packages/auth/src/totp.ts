import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp'
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'
import { constantTimeEqualStrings } from './random.ts'

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
/** Codes of the neighbouring time steps are accepted too (clock drift of ±30 s). */
const DRIFT_STEPS = 1

/** A new 160-bit TOTP key, base32 encoded (what authenticator apps expect). */
export function generateTotpSecret(): string {
  const key = new Uint8Array(20)
  crypto.getRandomValues(key)
  return encodeBase32UpperCaseNoPadding(key)
}

export function totpUri(secret: string, accountName: string, issuer = 'Jouw Bot'): string {
  return createTOTPKeyURI(issuer, accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS)
}

export function totpStepAt(date: Date): number {
  return Math.floor(date.getTime() / 1000 / TOTP_PERIOD_SECONDS)
}

/**
 * Returns the time step the code belongs to, or null when it is wrong or that step (or a later
 * one) was already used — a code can never be replayed.
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  const key = decodeBase32IgnorePadding(secret)
  const current = totpStepAt(now)
  let matched: number | null = null
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    // Check every candidate (no early exit) so the timing does not tell which step matched.
    if (constantTimeEqualStrings(generateHOTP(key, BigInt(step), TOTP_DIGITS), code)) matched ??= step
  }
  if (matched === null) return null
  if (lastUsedStep !== null && matched <= lastUsedStep) return null
  return matched
}

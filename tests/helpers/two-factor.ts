import { generateHOTP } from '@oslojs/otp'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { totpStepAt } from '@jouwbot/auth'
import type { AppDeps } from '@jouwbot/api'
import type { TestClient } from './client.ts'

/** The 6-digit code for the deps' clock (optionally a number of 30 s steps later). */
export function totpCode(deps: AppDeps, secret: string, stepOffset = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(totpStepAt(deps.clock.now()) + stepOffset), 6)
}

/** Turns 2FA on for a logged-in client (inside its sudo window); returns the secret and recovery codes. */
export async function enableTwoFactorFor(deps: AppDeps, client: TestClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await (await client.api()).twoFactor.setup()
  const { recoveryCodes } = await (await client.api()).twoFactor.enable({ code: totpCode(deps, secret) })
  return { secret, recoveryCodes }
}

import { generateHOTP } from '@oslojs/otp'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { describe, expect, test } from 'vitest'
import { generateTotpSecret, totpStepAt, totpUri, verifyTotp } from './totp.ts'

const codeFor = (secret: string, step: number) => generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6)

describe('TOTP', () => {
  const secret = generateTotpSecret()
  const now = new Date('2026-11-25T10:00:10Z')
  const step = totpStepAt(now)

  test('accepts the current code and ±1 step of drift, returning the step', () => {
    expect(verifyTotp(secret, codeFor(secret, step), now, null)).toBe(step)
    expect(verifyTotp(secret, codeFor(secret, step - 1), now, null)).toBe(step - 1)
    expect(verifyTotp(secret, codeFor(secret, step + 1), now, null)).toBe(step + 1)
    expect(verifyTotp(secret, codeFor(secret, step - 2), now, null)).toBeNull()
  })

  test('a code of an already used step (or older) is a replay', () => {
    expect(verifyTotp(secret, codeFor(secret, step), now, step)).toBeNull()
    expect(verifyTotp(secret, codeFor(secret, step - 1), now, step)).toBeNull()
    expect(verifyTotp(secret, codeFor(secret, step + 1), now, step)).toBe(step + 1)
  })

  test('the enrolment URI names the issuer and account', () => {
    const uri = totpUri(secret, 'sanne@example.nl')
    expect(uri).toMatch(/^otpauth:\/\/totp\/Jouw%20Bot:sanne%40example\.nl\?/)
    expect(uri).toContain(`secret=${secret}`)
  })
})

import { describe, expect, test } from 'vitest'
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes.ts'

describe('recovery codes', () => {
  test('ten distinct readable codes', () => {
    const codes = generateRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}$/)
  })

  test('the hash ignores case and dashes but not the characters', () => {
    expect(hashRecoveryCode('abcde-fghij-klmno')).toBe(hashRecoveryCode('ABCDEFGHIJKLMNO'))
    expect(hashRecoveryCode('abcde-fghij-klmno')).not.toBe(hashRecoveryCode('abcde-fghij-klmnp'))
  })
})

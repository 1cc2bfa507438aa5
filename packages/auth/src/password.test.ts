import { describe, expect, test } from 'vitest'
import { hashPassword, isCommonPassword, verifyPassword } from './password.ts'

describe('passwords', () => {
  test('argon2id hash verifies the right password only', async () => {
    const hash = await hashPassword('paarse-olifant-danst')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(hash, 'paarse-olifant-danst')).toBe(true)
    expect(await verifyPassword(hash, 'paarse-olifant-danst!')).toBe(false)
    expect(await verifyPassword('not a hash', 'x')).toBe(false)
  })

  test('the shipped list rejects the most common passwords, case-insensitively', () => {
    expect(isCommonPassword('password')).toBe(true)
    expect(isCommonPassword('QWERTY123')).toBe(true)
    expect(isCommonPassword('iloveyou')).toBe(true)
    expect(isCommonPassword('paarse-olifant-danst')).toBe(false)
  })

  test('Dutch words with only digits or symbols around them are refused too', () => {
    for (const password of ['wachtwoord', 'wachtwoord1', 'Welkom01', 'welkom01!', '123Feyenoord', 'Zomer2026!', 'Ajax1', 'Schatje!!'])
      expect(isCommonPassword(password), password).toBe(true)
    // A Dutch word inside a longer passphrase is fine: only the word alone, decorated, is refused.
    for (const password of ['welkom-in-het-bos', 'zomer op de fiets', 'wachtwoordkluis2', 'paarse-olifant-danst'])
      expect(isCommonPassword(password), password).toBe(false)
  })
})

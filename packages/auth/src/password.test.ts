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
})

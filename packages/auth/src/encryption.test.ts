import { describe, expect, test } from 'vitest'
import { createFieldCipher, generateEncryptionKey, parseEncryptionKeys } from './encryption.ts'

describe('field encryption', () => {
  const k1 = generateEncryptionKey('k1')
  const k2 = generateEncryptionKey('k2')

  test('round-trips and never stores the plaintext; the same value encrypts differently each time', () => {
    const cipher = createFieldCipher(parseEncryptionKeys(k1))
    const a = cipher.encrypt('NL91ABNA0417164300')
    const b = cipher.encrypt('NL91ABNA0417164300')
    expect(a).toMatch(/^v1\.k1\./)
    expect(a).not.toContain('NL91')
    expect(a).not.toEqual(b)
    expect(cipher.decrypt(a)).toBe('NL91ABNA0417164300')
  })

  test('after rotation old values still decrypt, new ones use the newest key, rotate() re-encrypts', () => {
    const old = createFieldCipher(parseEncryptionKeys(k1)).encrypt('geheim')
    const rotated = createFieldCipher(parseEncryptionKeys(`${k2},${k1}`))
    expect(rotated.decrypt(old)).toBe('geheim')
    expect(rotated.encrypt('x')).toMatch(/^v1\.k2\./)
    const moved = rotated.rotate(old)
    expect(moved).toMatch(/^v1\.k2\./)
    expect(createFieldCipher(parseEncryptionKeys(k2)).decrypt(moved)).toBe('geheim')
    expect(rotated.rotate(moved)).toBe(moved)
    expect(rotated.currentKeyId).toBe('k2')
  })

  test('a tampered value or an unknown key is refused', () => {
    const cipher = createFieldCipher(parseEncryptionKeys(k1))
    const value = cipher.encrypt('geheim')
    const parts = value.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    const tampered = [...parts.slice(0, 3), body.toString('base64url')].join('.')
    expect(() => cipher.decrypt(tampered)).toThrow()
    expect(() => createFieldCipher(parseEncryptionKeys(k2)).decrypt(value)).toThrow(/Unknown encryption key id "k1"/)
    expect(() => cipher.decrypt('plain text')).toThrow()
  })

  test('ENCRYPTION_KEYS must hold 32-byte keys with unique ids', () => {
    expect(() => parseEncryptionKeys('k1:dG9vIHNob3J0')).toThrow(/32 bytes/)
    expect(() => parseEncryptionKeys(`${k1},${k1}`)).toThrow(/duplicate/)
    expect(() => parseEncryptionKeys('')).toThrow(/at least one/)
  })
})

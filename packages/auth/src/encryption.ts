import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * Per-field encryption for sensitive personal data (TOTP secrets now; bank account and VAT
 * number later). AES-256-GCM with a random 96-bit nonce. The stored value names its key:
 *   v1.<keyId>.<nonce b64url>.<ciphertext+tag b64url>
 * so keys can rotate: encrypt with the newest key, decrypt with any key still configured.
 */
export interface EncryptionKey {
  id: string
  key: Buffer
}

export interface FieldCipher {
  /** The id of the newest key: new values are encrypted with it, rotation moves old values to it. */
  readonly currentKeyId: string
  encrypt(plaintext: string): string
  decrypt(stored: string): string
  /** Re-encrypts a value with the newest key (for rotation jobs); unchanged when already current. */
  rotate(stored: string): string
}

const KEY_ID = /^[a-zA-Z0-9_-]{1,32}$/

/** Parses `ENCRYPTION_KEYS`: comma-separated `id:base64key`, newest first. Each key is 32 bytes. */
export function parseEncryptionKeys(value: string): EncryptionKey[] {
  const keys = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded] = part.split(':')
      if (!id || !encoded || !KEY_ID.test(id)) throw new Error('ENCRYPTION_KEYS: expected "id:base64key,…"')
      const key = Buffer.from(encoded, 'base64')
      if (key.length !== 32) throw new Error(`ENCRYPTION_KEYS: key "${id}" must be 32 bytes (base64)`)
      return { id, key }
    })
  if (keys.length === 0) throw new Error('ENCRYPTION_KEYS: at least one key is required')
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('ENCRYPTION_KEYS: duplicate key id')
  return keys
}

export function generateEncryptionKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`
}

export function createFieldCipher(keys: EncryptionKey[]): FieldCipher {
  const [current] = keys
  if (!current) throw new Error('createFieldCipher needs at least one key')
  const byId = new Map(keys.map((k) => [k.id, k.key]))

  function encrypt(plaintext: string): string {
    const nonce = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', current!.key, nonce)
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
    return ['v1', current!.id, nonce.toString('base64url'), body.toString('base64url')].join('.')
  }

  function decrypt(stored: string): string {
    const [version, keyId, nonce, body] = stored.split('.')
    if (version !== 'v1' || !keyId || !nonce || !body) throw new Error('Not an encrypted field value')
    const key = byId.get(keyId)
    if (!key) throw new Error(`Unknown encryption key id "${keyId}"`)
    const data = Buffer.from(body, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'))
    decipher.setAuthTag(data.subarray(data.length - 16))
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8')
  }

  return {
    currentKeyId: current.id,
    encrypt,
    decrypt,
    rotate: (stored) => (stored.split('.')[1] === current.id ? stored : encrypt(decrypt(stored))),
  }
}

import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateEncryptionKey } from '@jouwbot/auth'
import type { Env } from './env.ts'

export interface Secrets {
  sessionSecret: string
  encryptionKeys: string
}

/**
 * Configured secrets win. Outside production, missing ones are generated once and kept in
 * DATA_DIR/secrets.json (mode 600), so restarts keep sessions and encrypted fields readable.
 */
export function resolveSecrets(env: Env): Secrets {
  if (env.SESSION_SECRET && env.ENCRYPTION_KEYS) {
    return { sessionSecret: env.SESSION_SECRET, encryptionKeys: env.ENCRYPTION_KEYS }
  }
  if (env.NODE_ENV === 'production') throw new Error('Secrets must be configured in production')
  mkdirSync(env.DATA_DIR, { recursive: true })
  const file = join(env.DATA_DIR, 'secrets.json')
  let stored: Partial<Secrets> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>) : {}
  if (!stored.sessionSecret || !stored.encryptionKeys) {
    stored = {
      sessionSecret: stored.sessionSecret ?? randomBytes(32).toString('base64url'),
      encryptionKeys: stored.encryptionKeys ?? generateEncryptionKey('k1'),
    }
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 })
  }
  return {
    sessionSecret: env.SESSION_SECRET ?? stored.sessionSecret!,
    encryptionKeys: env.ENCRYPTION_KEYS ?? stored.encryptionKeys!,
  }
}

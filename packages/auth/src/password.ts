import { readFileSync } from 'node:fs'
import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined

/** Computes the dummy hash ahead of the first request, so the first unknown-address login is not slower. */
export async function prepareDummyPasswordHash(): Promise<void> {
  dummyHash ??= hashPassword('dummy password for timing equality')
  await dummyHash
}

/**
 * Spends the same argon2 work as a real check, so an unknown e-mail address answers in about
 * the same time as a known one with a wrong password.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await prepareDummyPasswordHash()
  await verifyPassword(await dummyHash!, password)
  return false
}

let common: { english: Set<string>; dutchWords: Set<string> } | undefined

function readList(file: string): Set<string> {
  return new Set(
    readFileSync(new URL(file, import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0 && !line.startsWith('#')),
  )
}

/**
 * True for one of the 10,000 most used passwords (shipped list, common-passwords.txt) or a Dutch word
 * people base passwords on with only digits or symbols around it (`Wachtwoord1`, `welkom01!`,
 * common-passwords-nl.txt). Case-insensitive.
 */
export function isCommonPassword(password: string): boolean {
  common ??= { english: readList('./common-passwords.txt'), dutchWords: readList('./common-passwords-nl.txt') }
  const lower = password.toLowerCase()
  if (common.english.has(lower)) return true
  const word = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '')
  return common.dutchWords.has(word)
}

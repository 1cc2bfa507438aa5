import { randomToken, sha256Hex } from './random.ts'

export const RECOVERY_CODE_COUNT = 10

/** Ten codes like `k3m7q-x2p9d-w4f8a` (75 bits each); shown once, stored only as hashes. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => randomToken(10).slice(0, 15).match(/.{5}/g)!.join('-'))
}

/** Users type codes with or without dashes, in any case. */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
}

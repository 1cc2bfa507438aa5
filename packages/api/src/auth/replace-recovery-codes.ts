import {
    generateRecoveryCodes, hashRecoveryCode
} from '@jouwbot/auth'
import { eq, recoveryCodes, type DbOrTx } from '@jouwbot/db'

export async function replaceRecoveryCodes(tx: DbOrTx, userId: string, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes()
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })))
  return codes
}

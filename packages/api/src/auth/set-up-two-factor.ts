import {
    generateTotpSecret, totpUri, type SessionRow,
    type UserRow
} from '@jouwbot/auth'
import { eq, users } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import QRCode from 'qrcode'
import type { AppDeps } from '../deps.ts'

export type Who = { session: SessionRow; user: UserRow }

/** Step 1: a new secret, stored encrypted but not active until a code confirms it. */
export async function setUpTwoFactor(deps: AppDeps, { user }: Who): Promise<{ uri: string; qrSvg: string; secret: string }> {
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'auth.totpAlreadyEnabled')
  const secret = generateTotpSecret()
  await deps.db
    .update(users)
    .set({ totpSecret: deps.cipher.encrypt(secret), totpLastUsedStep: null, updatedAt: deps.clock.now() })
    .where(eq(users.id, user.id))
  const uri = totpUri(secret, user.email)
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { uri, qrSvg, secret }
}

import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import type { Who } from './set-up-two-factor.ts'
import { replaceRecoveryCodes } from './replace-recovery-codes.ts'

export async function regenerateRecoveryCodes(deps: AppDeps, { user }: Who): Promise<{ recoveryCodes: string[] }> {
  if (!user.totpEnabledAt) throw new AppError('BAD_REQUEST', 'auth.totpNotEnabled')
  const now = deps.clock.now()
  const codes = await deps.db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id, now)
    await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'auth.recovery_codes_regenerated' }, now)
    return codes
  })
  return { recoveryCodes: codes }
}

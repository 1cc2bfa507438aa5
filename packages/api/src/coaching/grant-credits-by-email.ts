import { eq, users } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { grantCredits } from './grant-credits.ts'

/** The admin page's grant: the member is named by e-mail address; the grant itself is `grantCredits` (audited). */
export async function grantCreditsByEmail(deps: Pick<AppDeps, 'db' | 'clock'>, options: { adminId: string; email: string; credits: number; note: string }) {
  const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, options.email.trim().toLowerCase()))
  if (!user) throw new AppError('NOT_FOUND', 'admin.userNotFound')
  const result = await grantCredits(deps, { adminId: options.adminId, userId: user.id, credits: options.credits, note: options.note })
  return { ...result, userId: user.id }
}

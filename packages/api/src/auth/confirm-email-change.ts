import { eq, users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { refreshChatContact } from '../marketing/chat/queue-chat-contact.ts'
import { consumeUserToken } from './user-tokens.ts'
import { findUserByEmail, mailLocale } from './users.ts'
import { AppError } from '@jouwbot/shared'

export async function confirmEmailChange(deps: AppDeps, token: string): Promise<{ ok: true }> {
  const now = deps.clock.now()
  const chatQueued = await deps.db.transaction(async (tx) => {
    const row = await consumeUserToken(tx, token, 'change_email', now)
    const newEmail = row.newEmail!
    if (await findUserByEmail(tx, newEmail)) throw new AppError('CONFLICT', 'auth.emailTaken')
    const [before] = await tx.select().from(users).where(eq(users.id, row.userId))
    await tx.update(users).set({ email: newEmail, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, row.userId))
    await recordAudit(tx, { actorUserId: row.userId, subjectUserId: row.userId, action: 'account.email_changed' }, now)
    await enqueueMail(tx, { to: before!.email, template: 'emailChanged', locale: mailLocale(before!), params: { firstName: before!.firstName, newEmail }, seller: deps.seller }, deps.clock.now())
    // marketing (Messenger chat): ManyChat gets the new address, the old one is overwritten there.
    return refreshChatContact(tx, { userId: row.userId, now })
  })
  deps.onMailQueued?.()
  if (chatQueued) deps.onChatQueued?.()
  return { ok: true }
}

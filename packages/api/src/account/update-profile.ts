import type { UserRow } from '@jouwbot/auth'
import { eq, users } from '@jouwbot/db'
import type { Locale } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { refreshChatContact } from '../marketing/chat/queue-chat-contact.ts'
import { logConsent } from '../privacy/record-consent.ts'

export interface ProfileInput {
  firstName: string
  lastName: string
  locale: Locale
  newsletter: boolean
}

/** Name, language and newsletter consent; a consent change is recorded with its moment. */
export async function updateProfile(deps: AppDeps, user: UserRow, input: ProfileInput): Promise<UserRow> {
  const now = deps.clock.now()
  let chatQueued = false
  const result = await deps.db.transaction(async (tx) => {
    const hadConsent = user.newsletterConsentAt !== null
    const [updated] = await tx
      .update(users)
      .set({
        firstName: input.firstName,
        lastName: input.lastName,
        locale: input.locale,
        newsletterConsentAt: input.newsletter ? (user.newsletterConsentAt ?? now) : null,
        updatedAt: now,
      })
      .where(eq(users.id, user.id))
      .returning()
    if (hadConsent !== input.newsletter) {
      const action = input.newsletter ? 'consent.newsletter.given' : 'consent.newsletter.withdrawn'
      await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action }, now)
      await logConsent(tx, { userId: user.id, purpose: 'newsletter', granted: input.newsletter, channel: 'account', now })
    }
    if (user.firstName !== input.firstName || user.lastName !== input.lastName) {
      await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'account.profile_rectified' }, now)
      // marketing (Messenger chat): ManyChat gets the corrected name too.
      chatQueued = await refreshChatContact(tx, { userId: user.id, now })
    }
    return updated!
  })
  if (chatQueued) deps.onChatQueued?.()
  return result
}

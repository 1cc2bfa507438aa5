import { chatContacts, eq } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'

/**
 * What the pages need: the Messenger page of the `m.me` link (only when `MESSENGER_PAGE` is set) and
 * whether the contact sync exists (only with `MANYCHAT_API_KEY`; otherwise no chat consent is asked).
 */
export function getChatSettings(deps: Pick<AppDeps, 'manychat' | 'messengerPage'>) {
  return { messengerPage: deps.messengerPage ?? null, contactSync: Boolean(deps.manychat) }
}

/** The member's contact at ManyChat as the privacy centre shows it (no row: nothing was ever sent). */
export async function getMyChatContact(deps: Pick<AppDeps, 'db'>, { userId }: { userId: string }) {
  const [row] = await deps.db
    .select({ state: chatContacts.state, syncedAt: chatContacts.syncedAt, removedAt: chatContacts.removedAt, removalRequestId: chatContacts.removalRequestId })
    .from(chatContacts)
    .where(eq(chatContacts.userId, userId))
    .limit(1)
  return row ?? null
}

import type { ConsentChannelName } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { queueChatContact } from '../marketing/chat/queue-chat-contact.ts'
import { inTransaction } from '../transaction.ts'
import { getConsent, type ConsentState } from './get-consent.ts'
import { recordConsent, type ConsentChoices } from './record-consent.ts'

export interface SetConsentOptions {
  userId: string | null
  browserId?: string | undefined
  choices: ConsentChoices
  channel: ConsentChannelName
}

/**
 * Gives or withdraws consent: one call either way, so withdrawing is exactly as easy as giving. A
 * visitor's choice is kept for their browser id; a member's on the account. The newsletter is for
 * members only (a visitor has no address we could mail).
 */
export async function setConsent(deps: AppDeps, options: SetConsentOptions): Promise<ConsentState> {
  const choices = { ...options.choices }
  if (!options.userId) delete choices.newsletter
  // Messenger chat (marketing): name and e-mail go to ManyChat, so it is for members only, and only
  // while the sync exists (MANYCHAT_API_KEY); withdrawing is always possible.
  if (!options.userId || (choices.chat === true && !deps.manychat)) delete choices.chat
  const userId = options.userId
  const chatQueued = await inTransaction(deps, async (tx) => {
    const now = deps.clock.now()
    const changed = await recordConsent(tx.db, { userId, browserId: options.browserId, choices, channel: options.channel, now })
    if (!userId || !changed.includes('chat') || choices.chat === undefined) return false
    return queueChatContact(tx.db, { userId, granted: choices.chat, now })
  })
  if (chatQueued) deps.onChatQueued?.()
  return getConsent(deps, { userId: options.userId, browserId: options.browserId })
}

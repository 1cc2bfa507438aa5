import type { ConsentChannelName } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
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
  await inTransaction(deps, (tx) =>
    recordConsent(tx.db, { userId: options.userId, browserId: options.browserId, choices, channel: options.channel, now: deps.clock.now() }),
  )
  return getConsent(deps, { userId: options.userId, browserId: options.browserId })
}

/**
 * What the chat services need from ManyChat (the policy's "ManyChat": name and e-mail so that a member
 * can chat with us on Messenger). The only implementation talks to ManyChat's public API over HTTPS
 * (manychat-client.ts); tests point that same client at the emulator (emulator.ts).
 *
 * Checked against ManyChat's public API (https://api.manychat.com, bearer token from Settings → API):
 * `POST /fb/subscriber/createSubscriber`, `GET /fb/subscriber/findBySystemField?email=…`,
 * `POST /fb/subscriber/updateSubscriber`. Answers are `{ status: 'success', data }` or
 * `{ status: 'error', message, details }`. The API has no call that deletes a subscriber, so removal
 * clears the fields and takes away the e-mail opt-in; deleting the contact is left to a person (an
 * admin task in our privacy requests queue).
 */

/** Exactly what we send: name and e-mail address, nothing more (the policy's promise). */
export interface ChatContact {
  firstName: string
  lastName: string
  email: string
}

export interface ManyChatGateway {
  /** `null` when no subscriber has this e-mail address. */
  findByEmail(email: string): Promise<{ subscriberId: string } | null>
  createSubscriber(contact: ChatContact): Promise<{ subscriberId: string }>
  updateSubscriber(subscriberId: string, contact: ChatContact): Promise<void>
  /** Empties name and e-mail and withdraws the e-mail opt-in (the API offers no deletion). */
  clearSubscriber(subscriberId: string): Promise<void>
}

/** ManyChat answered with an error (4xx/5xx) or could not be reached; the sync job retries. */
export class ManyChatError extends Error {
  override name = 'ManyChatError'
  constructor(
    message: string,
    readonly statusCode: number | undefined,
  ) {
    super(message)
  }
}

import { and, asc, chatContacts, eq, inArray, lte, privacyRequests, users, type Tx } from '@jouwbot/db'
import type { ManyChatGateway } from '@jouwbot/manychat'
import { PRIVACY_REQUEST_DUE_DAYS } from '@jouwbot/shared'
import { recordAudit } from '../../audit/record-audit.ts'
import type { AppDeps } from '../../deps.ts'
import { isProcessingRestricted } from '../../privacy/get-privacy-settings.ts'
import { inTransaction } from '../../transaction.ts'

const DAY = 86_400_000
const MINUTE = 60_000
/** Backoff after a failed attempt: 1, 2, 4, … minutes, at most 6 hours. */
export const chatRetryDelayMs = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1) * MINUTE, 6 * 60 * MINUTE)

type ContactRow = typeof chatContacts.$inferSelect

export interface SyncChatContactsResult {
  synced: number
  removed: number
  failed: number
  /** Not sent while the member's processing is restricted (art. 18); tried again hourly. */
  postponed: number
}

/**
 * The `marketing.chat-sync` job: every contact whose state is `sync` or `remove` and whose next attempt
 * is due. Idempotent and resumable: the subscriber id is stored as soon as it is known, and a contact
 * without one is first looked up by e-mail, so a crash after ManyChat created it never makes a second
 * one. A failed call leaves the row as it was (with a backoff); nothing is lost. Without
 * `MANYCHAT_API_KEY` (no `deps.manychat`) it does nothing at all.
 */
export async function syncChatContacts(deps: AppDeps, options: { limit?: number } = {}): Promise<SyncChatContactsResult> {
  const result: SyncChatContactsResult = { synced: 0, removed: 0, failed: 0, postponed: 0 }
  const gateway = deps.manychat
  if (!gateway) return result
  const due = await deps.db
    .select()
    .from(chatContacts)
    .where(and(inArray(chatContacts.state, ['sync', 'remove']), lte(chatContacts.nextAttemptAt, deps.clock.now())))
    .orderBy(asc(chatContacts.nextAttemptAt))
    .limit(options.limit ?? 50)
  for (const row of due) {
    try {
      if (row.state === 'sync' && (await isProcessingRestricted(deps.db, row.userId))) {
        // Art. 18: nothing new goes out while restricted (a removal still does: it only takes away).
        const now = deps.clock.now()
        await deps.db
          .update(chatContacts)
          .set({ nextAttemptAt: new Date(now.getTime() + 60 * MINUTE), updatedAt: now })
          .where(and(eq(chatContacts.userId, row.userId), eq(chatContacts.state, 'sync')))
        result.postponed += 1
      } else if (row.state === 'sync') {
        await syncContact(deps, gateway, row)
        result.synced += 1
      } else {
        await removeChatContact(deps, { userId: row.userId, reason: 'withdrawn' })
        result.removed += 1
      }
    } catch (error) {
      result.failed += 1
      await recordFailure(deps, row, error)
    }
  }
  return result
}

async function recordFailure(deps: AppDeps, row: ContactRow, error: unknown) {
  const now = deps.clock.now()
  const attempts = row.attempts + 1
  // The message names the call and the status only (our client never puts an address in it).
  const message = error instanceof Error ? error.message.slice(0, 300) : 'unknown error'
  await deps.db
    .update(chatContacts)
    .set({ attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + chatRetryDelayMs(attempts)), updatedAt: now })
    .where(and(eq(chatContacts.userId, row.userId), eq(chatContacts.state, row.state)))
}

async function memberContact(deps: Pick<AppDeps, 'db'>, userId: string) {
  const [user] = await deps.db.select({ firstName: users.firstName, lastName: users.lastName, email: users.email }).from(users).where(eq(users.id, userId)).limit(1)
  return user ?? null
}

async function storeSubscriberId(deps: AppDeps, userId: string, subscriberId: string) {
  await deps.db.update(chatContacts).set({ subscriberId, updatedAt: deps.clock.now() }).where(eq(chatContacts.userId, userId))
}

async function syncContact(deps: AppDeps, gateway: ManyChatGateway, row: ContactRow) {
  const contact = await memberContact(deps, row.userId)
  if (!contact) return
  // Name and e-mail, nothing more (the policy's promise; the gateway has no field for anything else).
  const fields = { firstName: contact.firstName, lastName: contact.lastName, email: contact.email }
  let subscriberId = row.subscriberId ?? (await gateway.findByEmail(contact.email))?.subscriberId ?? null
  if (subscriberId) {
    if (!row.subscriberId) await storeSubscriberId(deps, row.userId, subscriberId)
    await gateway.updateSubscriber(subscriberId, fields)
  } else {
    subscriberId = (await gateway.createSubscriber(fields)).subscriberId
    await storeSubscriberId(deps, row.userId, subscriberId)
  }
  const now = deps.clock.now()
  // A withdrawal that arrived meanwhile (state `remove`) wins: the row stays queued for removal.
  await deps.db
    .update(chatContacts)
    .set({ state: 'synced', attempts: 0, lastError: null, syncedAt: now, updatedAt: now })
    .where(and(eq(chatContacts.userId, row.userId), eq(chatContacts.state, 'sync')))
}

export interface RemoveChatContactOptions {
  userId: string
  reason: 'withdrawn' | 'erasure'
}

/**
 * Removes a member's contact at ManyChat as far as its API allows (no delete call exists): name and
 * e-mail emptied, e-mail opt-in withdrawn. Then an admin task (a `chat_removal` privacy request, open,
 * with the usual due date) to delete the contact by hand, which the member sees in their privacy
 * centre. Idempotent: a contact already removed is left alone; a rerun after a crash clears again
 * (harmless) and opens the one task. Without the API key the task is opened all the same (the admin
 * then clears and deletes by hand). Errors propagate: the caller retries.
 */
export async function removeChatContact(deps: AppDeps, options: RemoveChatContactOptions): Promise<'removed' | 'nothing'> {
  const [row] = await deps.db.select().from(chatContacts).where(eq(chatContacts.userId, options.userId)).limit(1)
  if (!row || row.state === 'removed') return 'nothing'
  if (options.reason === 'withdrawn' && row.state !== 'remove') return 'nothing'
  const gateway = deps.manychat ?? null
  let subscriberId = row.subscriberId
  let cleared = false
  if (gateway) {
    if (!subscriberId) {
      // A crash between ManyChat's create and our store leaves the id unknown: look it up by address.
      const contact = await memberContact(deps, row.userId)
      subscriberId = contact ? ((await gateway.findByEmail(contact.email))?.subscriberId ?? null) : null
    }
    if (subscriberId) {
      await gateway.clearSubscriber(subscriberId)
      cleared = true
    }
  }
  const now = deps.clock.now()
  await inTransaction(deps, async (tx) => {
    const [current] = await tx.db.select().from(chatContacts).where(eq(chatContacts.userId, row.userId)).for('update').limit(1)
    if (!current || current.state === 'removed') return
    // Something may be at ManyChat unless the API told us it holds nothing under this address.
    const needsTask = subscriberId !== null || !gateway
    const requestId = needsTask ? await openRemovalTask(tx.db, { userId: row.userId, subscriberId, cleared, now, reason: options.reason }) : null
    await tx.db
      .update(chatContacts)
      .set({ state: 'removed', subscriberId, attempts: 0, lastError: null, removedAt: now, removalRequestId: requestId, updatedAt: now })
      .where(eq(chatContacts.userId, row.userId))
    await recordAudit(
      tx.db,
      { actorUserId: null, subjectUserId: row.userId, action: 'marketing.chat_contact_removed', details: { reason: options.reason, cleared, requestId } },
      now,
    )
  })
  return 'removed'
}

async function openRemovalTask(db: Tx, input: { userId: string; subscriberId: string | null; cleared: boolean; now: Date; reason: RemoveChatContactOptions['reason'] }): Promise<string> {
  const [request] = await db
    .insert(privacyRequests)
    .values({
      userId: input.userId,
      kind: 'chat_removal',
      status: 'open',
      // privacy-processors: kept through an erasure (the message is anonymised with the account).
      processor: 'manychat',
      processorCause: input.reason,
      processorRef: input.subscriberId ? `ManyChat ${input.subscriberId}` : null,
      // For the admin: which contact to delete in ManyChat (Contacts → the contact → Delete).
      message: input.subscriberId
        ? `ManyChat ${input.subscriberId}${input.cleared ? '' : ' (not cleared: no MANYCHAT_API_KEY)'}`
        : 'ManyChat (no MANYCHAT_API_KEY: find the contact by the member’s e-mail address)',
      createdAt: input.now,
      dueAt: new Date(input.now.getTime() + PRIVACY_REQUEST_DUE_DAYS * DAY),
    })
    .returning({ id: privacyRequests.id })
  return request!.id
}

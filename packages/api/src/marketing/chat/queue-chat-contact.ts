import { and, chatContacts, eq, type DbOrTx } from '@jouwbot/db'

export interface QueueChatContactOptions {
  userId: string
  /** The member's new chat consent: true → name and e-mail to ManyChat; false → the contact removed there. */
  granted: boolean
  now: Date
}

/**
 * Records, in the transaction that logs the consent, what ManyChat should hold of this member; the
 * `marketing.chat-sync` job does the calls (resumable: the row is the to-do). Returns whether there is
 * work for the job. Call it only while the feature is on (`deps.manychat`), except for a withdrawal,
 * which is queued whenever something may have been sent.
 */
export async function queueChatContact(db: DbOrTx, options: QueueChatContactOptions): Promise<boolean> {
  const [row] = await db.select().from(chatContacts).where(eq(chatContacts.userId, options.userId)).for('update').limit(1)
  if (options.granted) {
    if (row && (row.state === 'sync' || row.state === 'synced')) return false
    // After a removal the old contact was cleared (and is deleted by an admin): start afresh.
    const values = { state: 'sync' as const, subscriberId: null, attempts: 0, lastError: null, nextAttemptAt: options.now, updatedAt: options.now }
    if (row) await db.update(chatContacts).set(values).where(eq(chatContacts.userId, options.userId))
    else await db.insert(chatContacts).values({ userId: options.userId, ...values, createdAt: options.now })
    return true
  }
  // Never queued: nothing was ever sent. Already removed (or being removed): nothing more to do.
  if (!row || row.state === 'remove' || row.state === 'removed') return false
  await db
    .update(chatContacts)
    .set({ state: 'remove', attempts: 0, lastError: null, nextAttemptAt: options.now, updatedAt: options.now })
    .where(eq(chatContacts.userId, options.userId))
  return true
}

/**
 * The member's name or e-mail address changed (profile, confirmed e-mail change): a contact that is at
 * ManyChat is queued again, so ManyChat holds the current name and address, not an old one (art. 16).
 * Call it in the transaction of the change. Returns whether there is work for the job.
 */
export async function refreshChatContact(db: DbOrTx, options: { userId: string; now: Date }): Promise<boolean> {
  const updated = await db
    .update(chatContacts)
    .set({ state: 'sync', attempts: 0, lastError: null, nextAttemptAt: options.now, updatedAt: options.now })
    .where(and(eq(chatContacts.userId, options.userId), eq(chatContacts.state, 'synced')))
    .returning({ userId: chatContacts.userId })
  return updated.length > 0
}

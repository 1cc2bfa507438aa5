import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { privacyRequests } from './privacy-rights.ts'

/*
 * The marketing domain, part "Messenger chat" (issue 12 §6): a member who consented to the chat gets a
 * contact at ManyChat (name and e-mail, nothing more). One row per member holds what we want there
 * (`state`) and what the sync job achieved; the job works the rows whose state is `sync` or `remove`.
 */

/**
 * `sync`: name and e-mail should be at ManyChat (consent given); `synced`: they are.
 * `remove`: consent withdrawn, the contact must be cleared; `removed`: cleared, admin task opened.
 */
export const chatContactState = pgEnum('chat_contact_state', ['sync', 'synced', 'remove', 'removed'])
export type ChatContactState = (typeof chatContactState.enumValues)[number]

export const chatContacts = pgTable(
  'chat_contacts',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** ManyChat's subscriber id once known (stored before anything else, so a retry never creates twice). */
    subscriberId: text(),
    state: chatContactState().notNull(),
    /** Failed attempts since the last success (backoff), and the last error (no personal data: status and path). */
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    syncedAt: timestamp({ withTimezone: true }),
    removedAt: timestamp({ withTimezone: true }),
    /** The admin task (privacy request) to delete the contact at ManyChat by hand. */
    removalRequestId: uuid().references(() => privacyRequests.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chat_contacts_due_idx').on(t.state, t.nextAttemptAt)],
)

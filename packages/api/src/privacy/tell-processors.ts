import { and, chatContacts, eq, inArray, mailOutbox, privacyRequests, type DbOrTx } from '@jouwbot/db'
import { PRIVACY_REQUEST_DUE_DAYS } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { recipients, type ErasureHandling, type Localized, type RecipientId, type RestrictionHandling } from './registry.ts'

const DAY = 86_400_000

export type ProcessorCause = 'erasure' | 'restriction'

/** What each recipient of the registry does on an erasure or a restriction, for the member and the log. */
export function processorPlan(cause: ProcessorCause) {
  return (Object.keys(recipients) as RecipientId[]).map((id) => {
    const recipient = recipients[id]
    const declared = cause === 'erasure' ? recipient.onErasure : recipient.onRestriction
    const name: Localized = typeof recipient.name === 'string' ? { nl: recipient.name, en: recipient.name } : recipient.name
    return { id, name, handling: declared.handling as ErasureHandling | RestrictionHandling, reason: declared.reason }
  })
}

export interface ProcessorSubject {
  userId: string
  email: string
}

type TaskDeps = Pick<AppDeps, 'mailProvider'>

/**
 * Per recipient whose declaration is `task`: what the processor needs to find the member's data there
 * (an address, a contact id), or null when it holds nothing of theirs (then no task). A recipient
 * declared `task` without an entry here fails the registry test.
 */
export const processorTaskRefs: Partial<Record<RecipientId, Partial<Record<ProcessorCause, (db: DbOrTx, deps: TaskDeps, subject: ProcessorSubject) => Promise<string | null>>>>> = {
  mail_provider: {
    // Only when mails leave through a provider (SMTP_URL) and any mail to the address went out.
    erasure: async (db, deps, subject) => {
      if (!deps.mailProvider) return null
      const [sent] = await db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.to, subject.email), eq(mailOutbox.status, 'sent')))
        .limit(1)
      return sent ? subject.email : null
    },
  },
  manychat: {
    // A contact that exists (or may, while being synced) at ManyChat must be kept out of broadcasts.
    restriction: async (db, _deps, subject) => {
      const [contact] = await db
        .select({ subscriberId: chatContacts.subscriberId })
        .from(chatContacts)
        .where(and(eq(chatContacts.userId, subject.userId), inArray(chatContacts.state, ['sync', 'synced'])))
        .limit(1)
      if (!contact) return null
      return contact.subscriberId ? `ManyChat ${contact.subscriberId}` : subject.email
    },
  },
}

export interface ProcessorNotice {
  processor: RecipientId
  handling: ErasureHandling | RestrictionHandling
  /** `task_opened`: an admin task exists (opened now or by an earlier run); `nothing_held`: the check found nothing there. */
  outcome: 'task_opened' | 'nothing_held' | 'declared' | 'cleared_via_api'
  taskId: string | null
}

/**
 * Opens the admin tasks an erasure or a granted restriction calls for, from the registry: one
 * `processor_notice` privacy request per processor declared `task` that holds something of the
 * member, due in a month (art. 12). Exactly once per cause: the dedupe key `<cause>:<causeId>:<processor>`
 * is unique, so a retried erasure step (or a second call) finds the task opened before. Returns what
 * was done for every recipient, for the audit row. Run it inside the transaction that records the cause.
 */
export async function openProcessorTasks(
  db: DbOrTx,
  deps: TaskDeps,
  input: { cause: ProcessorCause; causeId: string; subject: ProcessorSubject; now: Date },
): Promise<ProcessorNotice[]> {
  const notices: ProcessorNotice[] = []
  for (const { id, handling } of processorPlan(input.cause)) {
    if (handling !== 'task') {
      notices.push({ processor: id, handling, outcome: 'declared', taskId: null })
      continue
    }
    const refOf = processorTaskRefs[id]?.[input.cause]
    if (!refOf) throw new Error(`privacy registry: ${id} is declared 'task' on ${input.cause} but has no processorTaskRefs entry`)
    const dedupeKey = `${input.cause}:${input.causeId}:${id}`
    const [existing] = await db.select({ id: privacyRequests.id }).from(privacyRequests).where(eq(privacyRequests.dedupeKey, dedupeKey)).limit(1)
    if (existing) {
      notices.push({ processor: id, handling, outcome: 'task_opened', taskId: existing.id })
      continue
    }
    const ref = await refOf(db, deps, input.subject)
    if (ref === null) {
      notices.push({ processor: id, handling, outcome: 'nothing_held', taskId: null })
      continue
    }
    const [task] = await db
      .insert(privacyRequests)
      .values({
        userId: input.subject.userId,
        kind: 'processor_notice',
        status: 'open',
        processor: id,
        processorCause: input.cause,
        processorRef: ref,
        dedupeKey,
        createdAt: input.now,
        dueAt: new Date(input.now.getTime() + PRIVACY_REQUEST_DUE_DAYS * DAY),
      })
      .onConflictDoNothing({ target: privacyRequests.dedupeKey })
      .returning({ id: privacyRequests.id })
    const taskId = task?.id ?? (await db.select({ id: privacyRequests.id }).from(privacyRequests).where(eq(privacyRequests.dedupeKey, dedupeKey)).limit(1))[0]?.id ?? null
    notices.push({ processor: id, handling, outcome: 'task_opened', taskId })
  }
  return notices
}

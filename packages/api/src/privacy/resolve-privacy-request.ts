import type { UserRow } from '@jouwbot/auth'
import { eq, privacyRequests, privacySettings, users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { appLink, mailLocale } from '../auth/users.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { openProcessorTasks } from './tell-processors.ts'

export interface ResolvePrivacyRequestInput {
  admin: Pick<UserRow, 'id'>
  requestId: string
  decision: 'granted' | 'refused'
  outcome: string
}

/**
 * An admin decides an open request. Granting a restriction freezes processing for the member (only
 * legally required mails, no statistics) until a granted `lift_restriction`. Answered exactly once;
 * the member gets a mail and sees the outcome with its date.
 */
export async function resolvePrivacyRequest(deps: AppDeps, input: ResolvePrivacyRequestInput) {
  const now = deps.clock.now()
  const result = await inTransaction(deps, async ({ db }) => {
    const [request] = await db.select().from(privacyRequests).where(eq(privacyRequests.id, input.requestId)).for('update').limit(1)
    if (!request) throw new AppError('NOT_FOUND', 'privacy.requestNotFound')
    if (request.status !== 'open') throw new AppError('CONFLICT', 'privacy.requestAlreadyResolved')
    // A task for a processor is "done" once told; its reference (an address, a contact id) goes then.
    const status = input.decision === 'granted' && request.kind === 'processor_notice' ? 'done' : input.decision
    const [updated] = await db
      .update(privacyRequests)
      .set({ status, resolvedAt: now, resolvedBy: input.admin.id, outcome: input.outcome, processorRef: null })
      .where(eq(privacyRequests.id, request.id))
      .returning()
    if (input.decision === 'granted' && request.userId && (request.kind === 'restriction' || request.kind === 'lift_restriction')) {
      const restrictedAt = request.kind === 'restriction' ? now : null
      await db
        .insert(privacySettings)
        .values({ userId: request.userId, restrictedAt, updatedAt: now })
        .onConflictDoUpdate({ target: privacySettings.userId, set: { restrictedAt, updatedAt: now } })
    }
    if (input.decision === 'granted' && request.userId && request.kind === 'restriction') {
      // Art. 18/19: processors acting for us stop by themselves (`mayProcess`, the chat sync); those the
      // registry declares `task` on restriction get an admin task, once, in this transaction.
      const [member] = await db.select({ email: users.email }).from(users).where(eq(users.id, request.userId)).limit(1)
      if (member) {
        const processors = await openProcessorTasks(db, deps, { cause: 'restriction', causeId: request.id, subject: { userId: request.userId, email: member.email }, now })
        await recordAudit(db, { actorUserId: input.admin.id, subjectUserId: request.userId, action: 'privacy.processors_notified', details: { requestId: request.id, cause: 'restriction', processors } }, now)
      }
    }
    await recordAudit(
      db,
      { actorUserId: input.admin.id, subjectUserId: request.userId, action: 'privacy.request_resolved', details: { requestId: request.id, kind: request.kind, decision: input.decision } },
      now,
    )
    if (request.userId) {
      const [member] = await db.select().from(users).where(eq(users.id, request.userId)).limit(1)
      if (member) {
        await enqueueMail(
          db,
          {
            to: member.email,
            template: 'privacyRequestResolved',
            locale: mailLocale(member),
            params: { firstName: member.firstName, url: appLink(deps.appOrigin, '/account/privacy') },
            seller: deps.seller,
            dedupeKey: `privacy-request-resolved:${request.id}`,
          },
          now,
        )
      }
    }
    return updated!
  })
  deps.onMailQueued?.()
  return result
}

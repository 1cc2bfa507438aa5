import { and, asc, eq, inArray, lte, mailOutbox, sql, type Db } from '@jouwbot/db'
import type { MailTransport } from './transport.ts'

export const MAX_MAIL_ATTEMPTS = 8
/** A claimed mail is retried after this lease if the worker died while sending it. */
const CLAIM_LEASE_MS = 5 * 60_000

export interface DeliverDeps {
  db: Db
  transport: MailTransport
  from: string
  now: () => Date
  log?: (event: string, fields: Record<string, unknown>) => void
}

/** Exponential backoff: 1, 2, 4, … minutes, capped at 2 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * 60_000, 2 * 60 * 60_000)
}

/**
 * Delivers due mails from the outbox. Rows are claimed with one UPDATE … SKIP LOCKED (so several
 * workers never send the same mail) and sent outside any transaction.
 */
export async function deliverPendingMail(deps: DeliverDeps, batchSize = 20): Promise<{ sent: number; failed: number }> {
  const now = deps.now()
  const due = deps.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.seq))
    .limit(batchSize)
    .for('update', { skipLocked: true })
  const claimed = await deps.db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(inArray(mailOutbox.id, due))
    .returning()

  let sent = 0
  let failed = 0
  for (const mail of claimed) {
    try {
      await deps.transport.send({
        from: mail.fromAddress ?? deps.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
        ...(mail.headers ? { headers: mail.headers } : {}),
      })
      // Mails carry single-use links; once delivered by SMTP the body has no reason to stay.
      const purge = deps.transport.kind === 'smtp' ? { text: '', html: '', attachments: null } : {}
      await deps.db.update(mailOutbox).set({ status: 'sent', sentAt: deps.now(), lastError: null, ...purge }).where(eq(mailOutbox.id, mail.id))
      sent++
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const giveUp = mail.attempts >= MAX_MAIL_ATTEMPTS
      await deps.db
        .update(mailOutbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          lastError: message.slice(0, 1000),
          nextAttemptAt: new Date(deps.now().getTime() + retryDelayMs(mail.attempts)),
        })
        .where(eq(mailOutbox.id, mail.id))
      deps.log?.('mail.delivery_failed', { mailId: mail.id, attempts: mail.attempts, giveUp, error: message })
      failed++
    }
  }
  return { sent, failed }
}

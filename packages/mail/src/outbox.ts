import { mailOutbox, type DbOrTx } from '@jouwbot/db'
import type { MailAttachment } from './transport.ts'
import { renderMail, type MailLocale, type MailSeller, type MailTemplate, type MailTemplates } from './templates.ts'

export interface OutgoingMail<T extends MailTemplate> {
  to: string
  template: T
  locale: MailLocale
  params: MailTemplates[T]
  /** The configured seller (`AppDeps.seller`): its contact and postal address are in the texts. */
  seller: MailSeller
  /** When set, a second enqueue with the same key is ignored (send exactly once). */
  dedupeKey?: string
  /** Files sent along (a calendar invitation). */
  attachments?: MailAttachment[]
}

/** A mail whose body is already rendered (the newsletter), with its own sender and headers. */
export interface RenderedOutgoingMail {
  to: string
  template: string
  subject: string
  text: string
  html: string
  from?: string
  headers?: Record<string, string>
  dedupeKey?: string
}

/** Records many rendered mails in one statement (the newsletter's batches); returns how many were new. */
export async function enqueueRenderedMails(db: DbOrTx, mails: RenderedOutgoingMail[], now: Date): Promise<number> {
  if (mails.length === 0) return 0
  const inserted = await db
    .insert(mailOutbox)
    .values(
      mails.map((mail) => ({
        to: mail.to,
        template: mail.template,
        dedupeKey: mail.dedupeKey ?? null,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        fromAddress: mail.from ?? null,
        headers: mail.headers ?? null,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id })
  return inserted.length
}

/** Records an already rendered mail in the outbox (same transaction rules as `enqueueMail`); false when its dedupe key was queued before. */
export async function enqueueRenderedMail(db: DbOrTx, mail: RenderedOutgoingMail, now: Date): Promise<boolean> {
  return (await enqueueRenderedMails(db, [mail], now)) > 0
}

/**
 * Renders a mail (now, so the outbox and the dev mailbox hold exactly what will be sent) and records it
 * in the outbox. Call it with the transaction that causes the mail: if that transaction rolls back, no
 * mail is sent; if it commits, the worker delivers it.
 */
export async function enqueueMail<T extends MailTemplate>(db: DbOrTx, mail: OutgoingMail<T>, now: Date): Promise<void> {
  const rendered = renderMail(mail.template, mail.locale, mail.params, mail.seller)
  await db
    .insert(mailOutbox)
    .values({
      to: mail.to,
      template: mail.template,
      dedupeKey: mail.dedupeKey ?? null,
      attachments: mail.attachments?.length ? mail.attachments : null,
      ...rendered,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
}

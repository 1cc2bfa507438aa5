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

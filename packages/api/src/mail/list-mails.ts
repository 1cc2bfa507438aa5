import { desc, mailOutbox } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'

/**
 * The development mailbox: the newest mails of the outbox, password-reset links included. Refused
 * unless enabled (`DEV_MAILBOX=on`, a loopback-only server) and asked from this machine itself.
 */
export async function listDevMails(deps: AppDeps, input: { local: boolean }) {
  if (!deps.devMailbox || !input.local) throw new AppError('NOT_FOUND', 'devMailbox.disabled')
  const rows = await deps.db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      html: mailOutbox.html,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
      attachments: mailOutbox.attachments,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.seq))
    .limit(100)
  // Attachments by name and type; a calendar file (small text) also with its content, to read it here.
  return rows.map(({ attachments, ...mail }) => ({
    ...mail,
    attachments: (attachments ?? []).map(({ filename, contentType, content }) => ({
      filename,
      contentType,
      text: contentType.startsWith('text/calendar') ? content : null,
    })),
  }))
}

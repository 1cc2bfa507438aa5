import nodemailer from 'nodemailer'

export interface MailMessage {
  from: string
  to: string
  subject: string
  text: string
  html: string
  /** E.g. a calendar invitation; `content` is the file's text. */
  attachments?: MailAttachment[]
  /** Per-mail headers (List-Id, List-Unsubscribe, List-Unsubscribe-Post for the newsletter). */
  headers?: Record<string, string>
}

export interface MailAttachment {
  filename: string
  contentType: string
  content: string
}

export interface MailTransport {
  /** `dev-mailbox` keeps mails readable in the app; `smtp` sends them and then purges the body. */
  readonly kind: 'smtp' | 'dev-mailbox'
  send(message: MailMessage): Promise<void>
  close(): void
}

export function createSmtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url)
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail(message)
    },
    close: () => transporter.close(),
  }
}

/** Development only: "delivering" leaves the mail in the outbox, where /dev/mailbox shows it. */
export function createDevMailboxTransport(): MailTransport {
  return { kind: 'dev-mailbox', send: async () => {}, close: () => {} }
}

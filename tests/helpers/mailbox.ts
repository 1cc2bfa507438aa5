import { desc, eq, mailOutbox, type Db } from '@jouwbot/db'

export async function mailsTo(db: Db, to: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.seq))
}

/**
 * The token of the newest mailed link to `path` (e.g. /verify-email) for this address. Sign-up and
 * reset mails are written just after the answer (`afterAnswer`), so an HTTP test may ask a moment
 * early: this looks again for up to 5 s.
 */
export async function lastLinkToken(db: Db, to: string, path: string): Promise<string> {
  const until = Date.now() + 5_000
  for (;;) {
    for (const mail of await mailsTo(db, to)) {
      const match = mail.text.match(new RegExp(`https?://[^\\s]+${path}\\?token=([a-z0-9]+)`))
      if (match?.[1]) return match[1]
    }
    if (Date.now() > until) throw new Error(`No mail with a ${path} link to ${to}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

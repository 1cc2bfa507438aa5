import { desc, eq, mailOutbox, type Db } from '@jouwbot/db'

export async function mailsTo(db: Db, to: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.seq))
}

/** The token of the newest mailed link to `path` (e.g. /verify-email) for this address. */
export async function lastLinkToken(db: Db, to: string, path: string): Promise<string> {
  for (const mail of await mailsTo(db, to)) {
    const match = mail.text.match(new RegExp(`https?://[^\\s]+${path}\\?token=([a-z0-9]+)`))
    if (match?.[1]) return match[1]
  }
  throw new Error(`No mail with a ${path} link to ${to}`)
}

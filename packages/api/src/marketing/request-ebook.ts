import { consumeRateLimit, type UserRow } from '@jouwbot/auth'
import { ebookDownloadGrants, ebookRequests, type DbOrTx } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import type { requestEbookInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { enforceRateLimit } from '../auth/rate-limits.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { recordStatEvent } from './stats/record-stat-event.ts'
import { CONFIRM_LINK_HOURS, DOWNLOAD_LINK_DAYS, DOWNLOADS_PER_LINK, hashToken, link, marketingRateLimits, newToken, signedDownloadPath } from './links.ts'
import { subscribeMember } from './member-newsletter.ts'

export type RequestEbookInput = z.output<typeof requestEbookInput> & { ip: string; user: UserRow | null }

/**
 * The e-book form. A visitor always gets the same answer (`downloadPath: null`), whether the address
 * is known or not: only the per-IP count and the honeypot come before the answer; the lookup, the
 * per-address limits, the request and the confirmation mail run after it (`deps.afterAnswer`). A
 * logged-in member with a verified address gets the download link at once (their own address).
 */
export async function requestEbook(deps: AppDeps, input: RequestEbookInput): Promise<{ ok: true; downloadPath: string | null }> {
  await enforceRateLimit(deps, marketingRateLimits.formPerIp, `ip:${input.ip}`)
  // Bots fill in the hidden field: they get the same answer and nothing happens.
  if (input.website) return { ok: true, downloadPath: null }
  const user = input.user
  if (user?.emailVerifiedAt && user.email.toLowerCase() === input.email.toLowerCase()) {
    const downloadPath = await inTransaction(deps, async (tx) => {
      const now = tx.clock.now()
      const [request] = await tx.db
        .insert(ebookRequests)
        .values({ email: user.email.toLowerCase(), firstName: user.firstName, locale: input.locale, wantsNewsletter: input.newsletter, userId: user.id, confirmedAt: now, createdAt: now })
        .returning({ id: ebookRequests.id })
      if (input.newsletter) await subscribeMember(tx, { user, now })
      await recordStatEvent({ ...deps, db: tx.db }, { name: 'ebook_requested', userId: user.id })
      await recordStatEvent({ ...deps, db: tx.db }, { name: 'ebook_confirmed', userId: user.id })
      return grantDownload(tx.db, deps, { requestId: request!.id, locale: input.locale, now })
    })
    return { ok: true, downloadPath }
  }
  const now = deps.clock.now()
  deps.afterAnswer(() => queueEbookRequest(deps, input, now))
  return { ok: true, downloadPath: null }
}

async function queueEbookRequest(deps: AppDeps, input: RequestEbookInput, now: Date): Promise<void> {
  const email = input.email.toLowerCase()
  const queued = await inTransaction(deps, async (tx) => {
    const perEmail = await consumeRateLimit(tx.db, marketingRateLimits.formPerEmail, deps.pseudonymize(`email:${email}`), now)
    if (!perEmail.allowed) return false
    const mail = await consumeRateLimit(tx.db, marketingRateLimits.mailPerEmail, deps.pseudonymize(`email:${email}`), now)
    if (!mail.allowed) return false
    const token = newToken()
    await tx.db.insert(ebookRequests).values({
      email,
      firstName: input.firstName || null,
      locale: input.locale,
      wantsNewsletter: input.newsletter,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3600_000),
      createdAt: now,
    })
    await recordStatEvent({ ...deps, db: tx.db }, { name: 'ebook_requested' })
    await enqueueMail(
      tx.db,
      {
        to: email,
        template: 'ebookConfirm',
        locale: input.locale,
        params: { firstName: input.firstName ?? '', url: link(deps.appOrigin, '/stappenplan/bevestigen', { token }), newsletter: input.newsletter },
        seller: deps.seller,
      },
      now,
    )
    return true
  })
  if (queued) deps.onMailQueued?.()
}

/** A download grant (expiring, a few downloads) and its signed path. */
export async function grantDownload(db: DbOrTx, deps: Pick<AppDeps, 'pseudonymize'>, input: { requestId: string; locale: 'nl' | 'en'; now: Date }): Promise<string> {
  const expiresAt = new Date(input.now.getTime() + DOWNLOAD_LINK_DAYS * 24 * 3600_000)
  const [grant] = await db
    .insert(ebookDownloadGrants)
    .values({ requestId: input.requestId, locale: input.locale, downloadsLeft: DOWNLOADS_PER_LINK, expiresAt, createdAt: input.now })
    .returning({ id: ebookDownloadGrants.id })
  return signedDownloadPath(deps, grant!.id, expiresAt)
}

import { createHash, timingSafeEqual } from 'node:crypto'
import type { UserRow } from '@jouwbot/auth'
import { and, asc, certificates, courses, dataExports, desc, eq, inArray, invoices, lt, or, users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { renderCertificatePdf } from '@jouwbot/pdf'
import { AppError, EXPORT_VALID_DAYS } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { appLink, mailLocale } from '../auth/users.ts'
import { amsterdamDate } from '../checkout/invoice-document.ts'
import { getInvoicePdf } from '../checkout/get-invoice-pdf.ts'
import { certificateUrl } from '../courses/certificate-url.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { collectPersonalData } from './collect-personal-data.ts'
import { ExportArchive } from './export-archive.ts'
import { renderExportSummary } from './export-summary.ts'
import { personalDataCategories } from './registry.ts'

const DAY = 86_400_000
/** A claimed export whose worker died is taken up again after this. */
const STALE_RUN_MS = 15 * 60_000
/** A download link is short-lived; the mail links to the privacy centre, which asks for the password first. */
const LINK_SECONDS = 5 * 60

/** A date as the member reads it, in Amsterdam time ("12 december 2026"). */
export function localDate(at: Date, locale: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(at)
}

export const exportStoragePrefix = (userId: string) => `privacy/exports/${userId}/`

/** "Download my data": one a day (a failed one does not count); the job builds it. */
export async function requestDataExport(deps: AppDeps, { user }: { user: Pick<UserRow, 'id'> }) {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db }) => {
    // Serialise per member so two clicks cannot both pass the once-a-day check.
    await db.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update')
    const [last] = await db
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.userId, user.id), inArray(dataExports.status, ['queued', 'running', 'ready', 'expired'])))
      .orderBy(desc(dataExports.requestedAt))
      .limit(1)
    if (last && now.getTime() - last.requestedAt.getTime() < DAY) {
      const retryAfterSeconds = Math.ceil((last.requestedAt.getTime() + DAY - now.getTime()) / 1000)
      throw new AppError('TOO_MANY_REQUESTS', 'privacy.exportTooSoon', { retryAfterSeconds })
    }
    const [row] = await db.insert(dataExports).values({ userId: user.id, status: 'queued', requestedAt: now }).returning()
    await recordAudit(db, { actorUserId: user.id, subjectUserId: user.id, action: 'privacy.export_requested', details: { exportId: row!.id } }, now)
    return row!
  })
}

/** The member's exports, newest first (progress while running, the expiry once ready). */
export async function listMyDataExports(deps: Pick<AppDeps, 'db'>, { user }: { user: Pick<UserRow, 'id'> }) {
  return deps.db
    .select({
      id: dataExports.id,
      status: dataExports.status,
      progress: dataExports.progress,
      sizeBytes: dataExports.sizeBytes,
      requestedAt: dataExports.requestedAt,
      readyAt: dataExports.readyAt,
      expiresAt: dataExports.expiresAt,
      downloadedAt: dataExports.downloadedAt,
    })
    .from(dataExports)
    .where(eq(dataExports.userId, user.id))
    .orderBy(desc(dataExports.requestedAt))
    .limit(10)
}

/** Claims one queued export (or one whose worker died) for this worker. */
async function claimExport(deps: AppDeps): Promise<typeof dataExports.$inferSelect | null> {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db }) => {
    const [next] = await db
      .select()
      .from(dataExports)
      .where(
        or(
          eq(dataExports.status, 'queued'),
          and(eq(dataExports.status, 'running'), lt(dataExports.startedAt, new Date(now.getTime() - STALE_RUN_MS))),
        ),
      )
      .orderBy(asc(dataExports.requestedAt))
      .limit(1)
      .for('update', { skipLocked: true })
    if (!next) return null
    const [claimed] = await db.update(dataExports).set({ status: 'running', startedAt: now, progress: 0 }).where(eq(dataExports.id, next.id)).returning()
    return claimed!
  })
}

/**
 * The `privacy.build-exports` job: builds every waiting export. One that fails is marked `failed`
 * (the member sees it and may ask again at once: a failed export does not count for the day) and
 * the others still go.
 */
export async function buildPendingDataExports(
  deps: AppDeps,
  onError: (exportId: string, error: unknown) => void = () => {},
): Promise<{ built: number; failed: number }> {
  let built = 0
  let failed = 0
  for (let claimed = await claimExport(deps); claimed; claimed = await claimExport(deps)) {
    try {
      await buildDataExport(deps, claimed)
      built += 1
    } catch (error) {
      failed += 1
      onError(claimed.id, error)
      await deps.db.update(dataExports).set({ status: 'failed' }).where(eq(dataExports.id, claimed.id))
    }
  }
  return { built, failed }
}

/**
 * Builds one archive: `data/<category>.json` for every registered category (generated from the
 * registry), `overzicht.html`, the invoices and credit notes, certificates and uploaded images.
 */
export async function buildDataExport(deps: AppDeps, row: typeof dataExports.$inferSelect): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, row.userId)).limit(1)
  if (!user) return
  const key = `${exportStoragePrefix(user.id)}${row.id}.zip`
  const archive = new ExportArchive(deps.storage, key)
  const setProgress = (progress: number) => deps.db.update(dataExports).set({ progress }).where(eq(dataExports.id, row.id))
  try {
    const collected = await collectPersonalData(deps, { userId: user.id, email: user.email }, async (index, total) => {
      await setProgress(Math.floor((index / total) * 60))
    })
    for (const { category, locations } of collected) {
      const data = {
        category: category.id,
        label: category.label,
        purpose: category.purpose,
        legalBasis: category.legalBasis,
        recipients: category.recipients,
        retention: category.retention,
        exported: category.export === 'include',
        locations: locations.map((l) => ({ where: l.where, ...(l.note ? { note: l.note } : {}), rows: l.rows })),
      }
      archive.addText(`data/${category.id}.json`, JSON.stringify(data, null, 2))
    }

    const documents = await deps.db.select().from(invoices).where(eq(invoices.userId, user.id)).orderBy(asc(invoices.number))
    for (const invoice of documents) {
      const prefix = invoice.kind === 'invoice' ? 'factuur' : 'creditnota'
      archive.addBytes(`facturen/${prefix}-${invoice.number}.pdf`, await getInvoicePdf(deps, invoice))
    }
    await setProgress(75)

    const earned = await deps.db
      .select({ code: certificates.code, recipientName: certificates.recipientName, issuedAt: certificates.issuedAt, courseTitle: courses.title, courseSlug: courses.slug })
      .from(certificates)
      .innerJoin(courses, eq(courses.id, certificates.courseId))
      .where(eq(certificates.userId, user.id))
    for (const certificate of earned) {
      const url = certificateUrl(deps.appOrigin, certificate.code)
      const pdf = await renderCertificatePdf({ ...certificate, verifyUrl: url, issuer: deps.seller, locale: mailLocale(user) })
      archive.addBytes(`certificaten/certificaat-${certificate.courseSlug}.pdf`, pdf)
    }
    await setProgress(85)

    let images = 0
    for (const category of personalDataCategories) {
      if (category.export !== 'include') continue
      for (const location of category.stored) {
        if (!('storagePrefix' in location)) continue
        const prefix = location.storagePrefix.replace('{userId}', user.id)
        if (prefix === exportStoragePrefix(user.id) || !deps.storage.list) continue
        for await (const object of deps.storage.list(prefix)) {
          await archive.addStream(`afbeeldingen/${object.key.slice(prefix.length)}`, await deps.storage.read(object.key))
          images += 1
        }
      }
    }

    const now = deps.clock.now()
    archive.addText(
      'overzicht.html',
      renderExportSummary(collected, {
        locale: mailLocale(user),
        name: `${user.firstName} ${user.lastName}`,
        generatedAt: now,
        files: { invoices: documents.length, certificates: earned.length, images },
      }),
    )
    const { size } = await archive.finish()
    const expiresAt = new Date(now.getTime() + EXPORT_VALID_DAYS * DAY)
    await inTransaction(deps, async ({ db }) => {
      await db.update(dataExports).set({ status: 'ready', progress: 100, storageKey: key, sizeBytes: size, readyAt: now, expiresAt }).where(eq(dataExports.id, row.id))
      await recordAudit(db, { actorUserId: null, subjectUserId: user.id, action: 'privacy.export_ready', details: { exportId: row.id, sizeBytes: size } }, now)
      await enqueueMail(
        db,
        {
          to: user.email,
          template: 'privacyExportReady',
          locale: mailLocale(user),
          params: { firstName: user.firstName, url: appLink(deps.appOrigin, '/account/privacy'), expiresOn: localDate(expiresAt, mailLocale(user)) },
          seller: deps.seller,
          dedupeKey: `privacy-export-ready:${row.id}`,
        },
        now,
      )
    })
    deps.onMailQueued?.()
  } catch (error) {
    archive.abort()
    await deps.storage.delete(key).catch(() => {})
    throw error
  }
}

function signature(deps: Pick<AppDeps, 'pseudonymize'>, exportId: string, userId: string, expires: number): string {
  return deps.pseudonymize(`privacy-export:${exportId}:${userId}:${expires}`)
}

/**
 * A short-lived signed link to the archive, handed out in sudo mode only (the procedure checks
 * it). The link is bound to the member: the download route also wants that member's session.
 */
export async function createExportDownloadLink(deps: AppDeps, { user, exportId }: { user: Pick<UserRow, 'id'>; exportId: string }) {
  const now = deps.clock.now()
  const [row] = await deps.db.select().from(dataExports).where(and(eq(dataExports.id, exportId), eq(dataExports.userId, user.id))).limit(1)
  if (!row || row.status !== 'ready' || !row.expiresAt || row.expiresAt.getTime() <= now.getTime()) throw new AppError('NOT_FOUND', 'privacy.exportNotFound')
  const expires = Math.floor(now.getTime() / 1000) + LINK_SECONDS
  return { url: `/privacy/exports/${row.id}/download?e=${expires}&s=${signature(deps, row.id, user.id, expires)}` }
}

function sameText(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb)
}

/**
 * The download route's check: valid signature for THIS member, link not expired, archive still
 * there. Returns the storage key; records the download.
 */
export async function authorizeExportDownload(
  deps: AppDeps,
  { viewer, exportId, expires, signature: given }: { viewer: Pick<UserRow, 'id'> | null; exportId: string; expires: number; signature: string },
): Promise<{ key: string; filename: string }> {
  const now = deps.clock.now()
  const refuse = () => new AppError('NOT_FOUND', 'privacy.exportNotFound')
  if (!viewer || !Number.isSafeInteger(expires) || expires * 1000 < now.getTime()) throw refuse()
  if (!sameText(given, signature(deps, exportId, viewer.id, expires))) throw refuse()
  const [row] = await deps.db.select().from(dataExports).where(and(eq(dataExports.id, exportId), eq(dataExports.userId, viewer.id))).limit(1)
  if (!row || row.status !== 'ready' || !row.storageKey || !row.expiresAt || row.expiresAt.getTime() <= now.getTime()) throw refuse()
  await inTransaction(deps, async ({ db }) => {
    await db.update(dataExports).set({ downloadedAt: now }).where(eq(dataExports.id, row.id))
    await recordAudit(db, { actorUserId: viewer.id, subjectUserId: viewer.id, action: 'privacy.export_downloaded', details: { exportId: row.id } }, now)
  })
  return { key: row.storageKey, filename: `jouwbot-gegevens-${amsterdamDate(row.readyAt ?? now).replace(/\s+/g, '-')}.zip` }
}

/** Part of the `privacy.build-exports` job: archives past their 7 days are deleted from storage. */
export async function expireDataExports(deps: AppDeps): Promise<{ expired: number }> {
  const now = deps.clock.now()
  const due = await deps.db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.status, 'ready'), lt(dataExports.expiresAt, now)))
  for (const row of due) {
    if (row.storageKey) await deps.storage.delete(row.storageKey)
    await deps.db.update(dataExports).set({ status: 'expired', storageKey: null }).where(eq(dataExports.id, row.id))
  }
  return { expired: due.length }
}

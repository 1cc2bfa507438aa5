import { Readable } from 'node:stream'
import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { eraseDueAccounts } from '@jouwbot/api/privacy'
import { buildPendingDataExports, expireDataExports, personalDataCategories } from '@jouwbot/api/privacy'
import {
  accountErasures,
  auditLog,
  blogCommentBlocks,
  blogCommentReports,
  blogComments,
  blogPosts,
  certificates,
  chatContacts,
  coachingAvailability,
  coachingCredits,
  coachingSessionTypes,
  coachProfiles,
  consentRecords,
  courseModules,
  courses,
  dataExports,
  entitlements,
  eq,
  invoices,
  lessonProgress,
  lessons,
  mailOutbox,
  or,
  orders,
  privacyPolicyAcknowledgements,
  privacyPolicyVersions,
  privacySettings,
  recoveryCodes,
  sessions,
  sql,
  users,
  userTokens,
} from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember, PASSWORD } from '../helpers/accounts.ts'
import type { TestClient } from '../helpers/client.ts'
import { expectRefusal, totpCode, turnOnTwoFactor } from '../helpers/flows.ts'
import { lastLinkToken } from '../helpers/mailbox.ts'
import { seedShopFixture, startBuying, type consumerBilling } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
const DAY = 86_400_000

beforeAll(async () => {
  server = await startTestServer({ webDist: null, payments: true })
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  await server.payments!.emulator.webhooksIdle()
  server.payments!.emulator.reset()
  await truncateAll(server.handle)
  await seedShopFixture(server.deps)
})

const deps = () => server.deps
const db = () => server.deps.db

interface Member {
  client: TestClient
  email: string
  id: string
  firstName: string
  secret: string
  recoveryCodes: string[]
  orderId: string
}

/** A member with data in every category the registry holds today, all through the real flows where there are some. */
async function memberWithEverything(firstName: string, lessonId: string, courseId: string, policyVersion: number): Promise<Member> {
  const { client, email } = await createMember(deps(), { firstName })
  const [row] = await db().select().from(users).where(eq(users.email, email))
  const id = row!.id
  const { secret, recoveryCodes: codes } = await turnOnTwoFactor(deps(), client)
  await db().update(users).set({ newsletterConsentAt: deps().clock.now() }).where(eq(users.id, id))
  // profile_details: phone, company and address kept on the profile (art. 16).
  await (await client.api()).account.updateContactDetails({
    phone: '+31 6 1234 5678',
    company: `${firstName} Bots BV`,
    addressLine: `${firstName}laan 7`,
    postalCode: '3511 AB',
    city: 'Utrecht',
    country: 'NL',
    // privacy-processors: the VAT number kept on the profile (encrypted), another than the order's.
    vatNumber: 'BE 0417.497.106',
  })

  const billing: typeof consumerBilling = {
    name: `${firstName} de Vries`,
    company: `${firstName} Bots BV`,
    vatNumber: 'NL219943515B01',
    addressLine: `${firstName}straat 1`,
    postalCode: '1234 AB',
    city: 'Utrecht',
    country: 'NL',
  }
  const bought = await startBuying(client, 'premium-cursus-coaching', { billing, couponCode: 'WELKOM10' })
  await server.payments!.emulator.setPaymentStatus(bought.paymentId, 'paid')
  await server.payments!.emulator.webhooksIdle()

  const now = deps().clock.now()
  await db().insert(lessonProgress).values({ userId: id, lessonId, courseId, positionSeconds: 12, watchedRanges: [[0, 12]], watchedSeconds: 12, updatedAt: now })
  await db().insert(certificates).values({ userId: id, courseId, code: `${firstName.toLowerCase().padEnd(8, 'a').slice(0, 8)}abcdefgh`.replace(/[^a-z2-7]/g, 'a'), recipientName: `${firstName} de Vries`, issuedAt: now })
  await db().insert(consentRecords).values({ userId: id, purpose: 'statistics', granted: true, textVersion: 'v1', channel: 'banner', createdAt: now })
  await db().insert(privacyPolicyAcknowledgements).values({ userId: id, version: policyVersion, seenAt: now })
  await db().insert(userTokens).values({ userId: id, purpose: 'change_email', tokenHash: `hash-${id}`, newEmail: `nieuw-${email}`, expiresAt: new Date(now.getTime() + DAY) })
  await deps().storage.write(`members/${id}/avatar.png`, Readable.from([Buffer.from(`PNG of ${firstName}`)]), { contentType: 'image/png', maxBytes: 1024 })
  // She coaches too: a profile with availability and a session type (the coach_profile category).
  await db().insert(coachProfiles).values({ userId: id, displayName: `${firstName} Coach`, locationKind: 'video', locationDetail: `https://meet.example/${firstName}` })
  await db().insert(coachingAvailability).values({ coachId: id, weekday: 1, startMinute: 540, endMinute: 720 })
  await db().insert(coachingSessionTypes).values({ coachId: id, title: `Sparren met ${firstName}`, durationMinutes: 30, credits: 1 })
  // She asked for the free e-book while logged in, newsletter box ticked (the newsletter category).
  await (await client.api()).marketing.requestEbook({ email, newsletter: true })
  // She comments on the blog (the feedback category), reports a comment and was once blocked.
  const [post] = await db()
    .insert(blogPosts)
    .values({ slug: `blog-${firstName.toLowerCase()}`, title: 'Blog', status: 'published', publishAt: now, authorId: id })
    .returning()
  const [own] = await db().insert(blogComments).values({ postId: post!.id, authorId: id, body: `Reactie van ${firstName}`, status: 'approved', createdAt: now }).returning()
  await db().insert(blogCommentReports).values({ commentId: own!.id, reporterId: id, reason: `Melding van ${firstName}` })
  await db().insert(blogCommentBlocks).values({ userId: id, reason: 'Proef' })
  await (await client.api()).privacy.object({ to: 'statistics' })
  // Her contact at ManyChat (the chat category; these deps have no MANYCHAT_API_KEY, so erasure opens the admin task only).
  await db().insert(chatContacts).values({ userId: id, subscriberId: `mc-${firstName}`, state: 'synced', syncedAt: now })
  return { client, email, id, firstName, secret, recoveryCodes: codes, orderId: bought.orderId }
}

async function twoMembers() {
  const [course] = await db().select().from(courses)
  const [module] = await db().insert(courseModules).values({ courseId: course!.id, slug: 'start', title: 'Start', position: 0 }).returning()
  const [lesson] = await db().insert(lessons).values({ courseId: course!.id, moduleId: module!.id, slug: 'welkom', title: 'Welkom', position: 0, published: true }).returning()
  await db().insert(privacyPolicyVersions).values({ version: 1, publishedAt: deps().clock.now(), titleNl: 'Privacy', titleEn: 'Privacy', bodyNl: '…', bodyEn: '…' })
  const anna = await memberWithEverything('Annabel', lesson!.id, course!.id, 1)
  const bert = await memberWithEverything('Bertrand', lesson!.id, course!.id, 1)
  return { anna, bert }
}

async function reauthenticate(member: Member) {
  await (await member.client.api()).auth.reauthenticate({ password: PASSWORD, code: totpCode(member.secret, deps().clock.now()) })
}

async function download(url: string, member: Member | null) {
  return fetch(`${server.url}${url}`, { headers: member ? { cookie: `jb_session=${member.client.token}` } : {} })
}

describe('access and portability (art. 15, 20)', () => {
  test('the archive holds every registered category of the member, nothing of another member and no secrets', async () => {
    const { anna, bert } = await twoMembers()
    const api = await anna.client.api()
    const requested = await api.privacy.requestExport()
    expect(requested.status).toBe('queued')
    await expectRefusal(api.privacy.requestExport(), 'TOO_MANY_REQUESTS', 'privacy.exportTooSoon')

    expect(await buildPendingDataExports(deps())).toEqual({ built: 1, failed: 0 })
    const [ready] = await (await anna.client.api()).privacy.exports()
    expect(ready).toMatchObject({ id: requested.id, status: 'ready', progress: 100 })
    expect(ready!.expiresAt!.getTime() - ready!.readyAt!.getTime()).toBe(7 * DAY)
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, anna.email))
    expect(mails.map((m) => m.template)).toContain('privacyExportReady')

    // The link needs sudo mode; then it works for Anna's session only.
    deps().clock.advance(11 * 60_000)
    await expectRefusal((await anna.client.api()).privacy.exportDownloadLink({ exportId: requested.id }), 'FORBIDDEN', 'auth.reauthenticationRequired')
    await reauthenticate(anna)
    const { url } = await (await anna.client.api()).privacy.exportDownloadLink({ exportId: requested.id })
    await expectRefusal((await bert.client.api()).privacy.exportDownloadLink({ exportId: requested.id }), 'FORBIDDEN', 'auth.reauthenticationRequired')
    expect((await download(url, bert)).status).toBe(404)
    expect((await download(url, null)).status).toBe(404)
    expect((await download(url.replace(/s=[^&]+/, 's=vervalst'), anna)).status).toBe(404)
    const response = await download(url, anna)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/zip')
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    const names = Object.keys(files)
    const everything = names.map((name) => (name.endsWith('.json') || name.endsWith('.html') ? strFromU8(files[name]!) : '')).join('\n')

    // Every registered category has its JSON, and every category held in a table linked to the
    // member (not secret, not unlinkable) has her rows in it.
    let held = 0
    for (const category of personalDataCategories) {
      expect(names, category.id).toContain(`data/${category.id}.json`)
      const data = JSON.parse(strFromU8(files[`data/${category.id}.json`]!)) as { locations: { where: string; note?: string; rows: unknown[] }[] }
      const linked = data.locations.filter((l) => !l.note)
      if (linked.length === 0) continue
      held += 1
      expect(linked.reduce((n, l) => n + l.rows.length, 0), category.id).toBeGreaterThan(0)
    }
    expect(held).toBeGreaterThan(15)
    const identity = JSON.parse(strFromU8(files['data/identity.json']!)) as { locations: { rows: { first_name: string }[] }[] }
    expect(identity.locations[0]!.rows).toEqual([expect.objectContaining({ first_name: 'Annabel' })])
    expect(everything).toContain('NL219943515B01') // her own VAT number, decrypted
    expect(everything).toContain('"vat_number": "BE0417497106"') // and the one on her profile
    expect(names.filter((n) => n.startsWith('facturen/') && n.endsWith('.pdf')).length).toBeGreaterThan(0)
    expect(names.filter((n) => n.startsWith('certificaten/'))).toHaveLength(1)
    expect(strFromU8(files['afbeeldingen/avatar.png']!)).toBe('PNG of Annabel')
    expect(files['overzicht.html']).toBeDefined()
    expect(everything).toContain('Annabel')

    // Nothing of Bert.
    for (const trace of [bert.email, bert.id, 'Bertrand', bert.orderId]) expect(everything, trace).not.toContain(trace)
    // No secrets.
    const [annaRow] = await db().select().from(users).where(eq(users.id, anna.id))
    const annaSessions = await db().select().from(sessions).where(eq(sessions.userId, anna.id))
    const codeHashes = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, anna.id))
    const secrets = [annaRow!.passwordHash, annaRow!.totpSecret!, anna.secret, ...anna.recoveryCodes, ...annaSessions.flatMap((s) => [s.id, s.secretHash]), ...codeHashes.map((c) => c.codeHash), `hash-${anna.id}`]
    for (const secret of secrets) expect(everything, 'a secret').not.toContain(secret)
    for (const column of ['password_hash', 'totp_secret', 'secret_hash', 'token_hash', 'code_hash']) expect(everything).not.toContain(`"${column}"`)
    expect(everything).not.toMatch(/token=[a-z0-9]{20,}/)

    // After 7 days the archive is deleted and the link is dead.
    deps().clock.advance(7 * DAY + 60_000)
    expect(await expireDataExports(deps())).toEqual({ expired: 1 })
    const [expired] = await db().select().from(dataExports).where(eq(dataExports.id, requested.id))
    expect(expired).toMatchObject({ status: 'expired', storageKey: null })
    expect(await deps().storage.stat(`privacy/exports/${anna.id}/${requested.id}.zip`)).toBeNull()
    // A day later a new export may be asked for.
    await expect((await anna.client.api()).privacy.requestExport().catch((e: Error) => e.message)).resolves.not.toBe('privacy.exportTooSoon')
  })
})

describe('erasure (art. 17)', () => {
  test('scheduled with sudo and a 14-day grace period; the mailed link cancels it', async () => {
    const { anna } = await twoMembers()
    const plan = await (await anna.client.api()).privacy.erasurePlan()
    expect(plan.kept.map((k) => k.id)).toEqual(expect.arrayContaining(['invoices', 'orders']))
    expect(plan.deleted.map((k) => k.id)).toEqual(expect.arrayContaining(['identity', 'course_progress', 'images']))

    deps().clock.advance(11 * 60_000)
    await expectRefusal((await anna.client.api()).privacy.requestErasure(), 'FORBIDDEN', 'auth.reauthenticationRequired')
    await reauthenticate(anna)
    const scheduled = await (await anna.client.api()).privacy.requestErasure()
    expect(scheduled.scheduledFor.getTime() - scheduled.requestedAt.getTime()).toBe(14 * DAY)
    await expectRefusal((await anna.client.api()).privacy.requestErasure(), 'CONFLICT', 'privacy.erasureAlreadyScheduled')

    const token = await lastLinkToken(db(), anna.email, '/account/privacy/annuleren')
    await expectRefusal((await anna.client.api()).privacy.cancelErasure({ token: 'x'.repeat(40) }), 'NOT_FOUND', 'privacy.erasureNotFound')
    await expect((await anna.client.api()).privacy.cancelErasure({ token })).resolves.toEqual({ cancelled: true })
    deps().clock.advance(15 * DAY)
    expect(await eraseDueAccounts(deps())).toEqual({ erased: 0 })
    expect(await db().select().from(users).where(eq(users.id, anna.id))).toHaveLength(1)
  })

  test('after the grace period a job erases per the registry; a crash midway finishes on the next run; a second run changes nothing', async () => {
    const { anna, bert } = await twoMembers()
    await reauthenticate(anna)
    await (await anna.client.api()).privacy.requestErasure()
    const annaInvoices = await db().select().from(invoices).where(eq(invoices.userId, anna.id))
    expect(annaInvoices.length).toBeGreaterThan(0)

    // Not before the 14 days are over.
    deps().clock.advance(13 * DAY)
    expect(await eraseDueAccounts(deps())).toEqual({ erased: 0 })
    deps().clock.advance(DAY + 60_000)

    // A crash after the uploads were deleted, before the database step.
    await expect(
      eraseDueAccounts(deps(), {
        afterStep: (step) => {
          if (step === 'storage') throw new Error('power cut')
        },
      }),
    ).rejects.toThrow('power cut')
    const [midway] = await db().select().from(accountErasures).where(eq(accountErasures.userId, anna.id))
    expect(midway).toMatchObject({ status: 'running', stepsDone: ['sessions', 'bookings', 'storage'] })
    expect(await db().select().from(users).where(eq(users.id, anna.id))).toHaveLength(1)

    expect(await eraseDueAccounts(deps())).toEqual({ erased: 1 })
    const [finished] = await db().select().from(accountErasures).where(eq(accountErasures.userId, anna.id))
    expect(finished).toMatchObject({ status: 'done', stepsDone: ['sessions', 'bookings', 'storage', 'processors', 'database'] })

    // Only the invoices (and the orders they belong to) remain, unlinked.
    expect(await db().select().from(users).where(eq(users.id, anna.id))).toEqual([])
    for (const invoice of annaInvoices) {
      const [kept] = await db().select().from(invoices).where(eq(invoices.id, invoice.id))
      expect(kept).toMatchObject({ number: invoice.number, userId: null, totalCents: invoice.totalCents })
    }
    const [order] = await db().select().from(orders).where(eq(orders.id, anna.orderId))
    expect(order!.userId).toBeNull()
    const leftovers = {
      sessions: await db().select().from(sessions).where(eq(sessions.userId, anna.id)),
      progress: await db().select().from(lessonProgress).where(eq(lessonProgress.userId, anna.id)),
      access: await db().select().from(entitlements).where(eq(entitlements.userId, anna.id)),
      certificates: await db().select().from(certificates).where(eq(certificates.userId, anna.id)),
      credits: await db().select().from(coachingCredits).where(eq(coachingCredits.userId, anna.id)),
      consent: await db().select().from(consentRecords).where(eq(consentRecords.userId, anna.id)),
      settings: await db().select().from(privacySettings).where(eq(privacySettings.userId, anna.id)),
      mail: await db().select().from(mailOutbox).where(eq(mailOutbox.to, anna.email)),
      tokens: await db().select().from(userTokens).where(eq(userTokens.userId, anna.id)),
      audit: await db().select().from(auditLog).where(or(eq(auditLog.subjectUserId, anna.id), eq(auditLog.actorUserId, anna.id))),
      blogComments: await db().select().from(blogComments).where(eq(blogComments.authorId, anna.id)),
      blogCommentText: await db().select().from(blogComments).where(eq(blogComments.body, 'Reactie van Annabel')),
      blogReports: await db().select().from(blogCommentReports).where(eq(blogCommentReports.reporterId, anna.id)),
      blogBlocks: await db().select().from(blogCommentBlocks).where(eq(blogCommentBlocks.userId, anna.id)),
      blogPosts: await db().select().from(blogPosts).where(eq(blogPosts.authorId, anna.id)),
    }
    for (const [what, rows] of Object.entries(leftovers)) expect(rows, what).toEqual([])
    const storageLeft: string[] = []
    for await (const object of deps().storage.list!(`members/${anna.id}/`)) storageLeft.push(object.key)
    expect(storageLeft).toEqual([])
    const anywhere = await db().execute(sql`select count(*)::int as n from audit_log where details::text like ${`%${anna.email}%`}`)
    expect(JSON.stringify(anywhere)).toContain('"n":0')
    // Anonymised audit details are an empty object, not a JSON string (both drivers).
    const oddDetails = await db().execute(sql`select count(*)::int as n from audit_log where jsonb_typeof(details) <> 'object'`)
    expect(JSON.stringify(oddDetails)).toContain('"n":0')

    // Her profile's VAT number went with the account; Bert's is still there.
    expect(await db().$count(users, sql`${users.vatNumberEncrypted} is not null`)).toBe(1)

    // Bert is untouched.
    expect(await db().select().from(users).where(eq(users.id, bert.id))).toHaveLength(1)
    expect(await db().select().from(lessonProgress).where(eq(lessonProgress.userId, bert.id))).toHaveLength(1)
    expect((await deps().storage.stat(`members/${bert.id}/avatar.png`))?.size).toBeGreaterThan(0)

    // A second run changes nothing.
    const snapshot = async () =>
      JSON.stringify(await db().execute(sql`select (select count(*) from users) u, (select count(*) from orders) o, (select count(*) from invoices) i, (select count(*) from audit_log) a, (select count(*) from mail_outbox) m`))
    const before = await snapshot()
    expect(await eraseDueAccounts(deps())).toEqual({ erased: 0 })
    expect(await snapshot()).toBe(before)
  })
})

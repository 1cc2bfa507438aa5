import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { grantCourseAccess, revokeCourseAccess, VIDEO_DECISION_TTL_MS } from '@jouwbot/api/courses'
import { eq, lessonProgress, users } from '@jouwbot/db'
import { createMember } from '../helpers/accounts.ts'
import { turnOnTwoFactor } from '../helpers/flows.ts'
import { TestClient } from '../helpers/client.ts'
import { COURSE, seedPremiumCursus } from '../helpers/course.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { truncateAll } from '@jouwbot/db/testing'

let server: TestServer
let seeded: Awaited<ReturnType<typeof seedPremiumCursus>>

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server?.close()
})
beforeEach(async () => {
  await truncateAll(server.handle)
  server.deps.courses.invalidate()
  seeded = await seedPremiumCursus(server.deps)
})

const lesson = (i: number) => seeded.lessons[i]!
const grant = (userId: string) =>
  grantCourseAccess(server.deps.db, { userId, courseId: seeded.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }, server.deps.clock.now())

async function viewers() {
  const anonymous = new TestClient(server.deps)
  const member = await createMember(server.deps)
  const entitled = await createMember(server.deps)
  const revoked = await createMember(server.deps)
  const admin = await createMember(server.deps)
  const idOf = async (email: string) => (await server.deps.db.select().from(users).where(eq(users.email, email)))[0]!.id
  await grant(await idOf(entitled.email))
  await grant(await idOf(revoked.email))
  await revokeCourseAccess(
    server.deps.db,
    { userId: await idOf(revoked.email), courseId: seeded.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
    server.deps.clock.now(),
  )
  await server.deps.db.update(users).set({ role: 'admin' }).where(eq(users.email, admin.email))
  return { anonymous, member: member.client, entitled: entitled.client, revoked: revoked.client, admin: admin.client }
}

const paid = { courseSlug: COURSE, lessonSlug: '' }

describe('course access on every path', () => {
  test('the outline is public, but only entitled viewers and staff see paid lessons unlocked', async () => {
    const v = await viewers()
    for (const [name, client, unlocked] of [
      ['anonymous', v.anonymous, false],
      ['member', v.member, false],
      ['revoked', v.revoked, false],
      ['entitled', v.entitled, true],
      ['admin', v.admin, true],
    ] as const) {
      const outline = await (await client.api()).course.outline({ courseSlug: COURSE })
      const all = outline.modules.flatMap((m) => m.lessons)
      expect(all.length, name).toBeGreaterThanOrEqual(30)
      expect(outline.hasAccess, name).toBe(unlocked)
      expect(all.filter((l) => l.freePreview).map((l) => l.locked), name).toEqual([false, false])
      expect(all.filter((l) => !l.freePreview).every((l) => l.locked === !unlocked), name).toBe(true)
    }
  })

  test('lesson.get: free previews for everyone, paid lessons only with access (captions included)', async () => {
    const v = await viewers()
    const third = { ...paid, lessonSlug: lesson(2).slug }
    const first = { ...paid, lessonSlug: lesson(0).slug }
    for (const client of [v.anonymous, v.member, v.revoked]) {
      await expect((await client.api()).lesson.get(third)).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'course.locked' })
      const preview = await (await client.api()).lesson.get(first)
      expect(preview.video?.url).toMatch(/^\/media\/lessons\//)
      expect(preview.captionsVtt).toMatch(/^WEBVTT/)
    }
    for (const client of [v.entitled, v.admin]) {
      const got = await (await client.api()).lesson.get(third)
      expect(got.title).toBe(lesson(2).title)
      expect(got.captionsVtt).toMatch(/^WEBVTT/)
      expect(got.previous?.slug).toBe(lesson(1).slug)
      expect(got.next?.slug).toBe(lesson(3).slug)
    }
  })

  test('media bytes: the signed URL works for its viewer only, and stops working when access is revoked', async () => {
    const v = await viewers()
    const third = { ...paid, lessonSlug: lesson(2).slug }
    const url = (await (await v.entitled.api()).lesson.get(third)).video!.url
    const ranged = await fetch(`${server.url}${url}`, { headers: { range: 'bytes=0-99' } })
    expect(ranged.status).toBe(206)
    expect((await ranged.arrayBuffer()).byteLength).toBe(100)

    // Another user's id in the URL: the signature no longer matches.
    const memberId = (await (await v.member.api()).auth.me())!.id
    const forged = url.replace(/u=[^&]+/, `u=${memberId}`)
    expect((await fetch(`${server.url}${forged}`)).status).toBe(403)
    // No signature at all.
    expect((await fetch(`${server.url}/media/lessons/${lesson(2).id}/video`)).status).toBe(403)

    // The entitled member loses access: the same, still unexpired URL is refused once the route's
    // short-lived "yes" (VIDEO_DECISION_TTL_MS) has run out — within seconds, not at the URL's expiry.
    const entitledId = (await (await v.entitled.api()).auth.me())!.id
    await revokeCourseAccess(
      server.deps.db,
      { userId: entitledId, courseId: seeded.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
      server.deps.clock.now(),
    )
    server.deps.clock.advance(VIDEO_DECISION_TTL_MS)
    expect((await fetch(`${server.url}${url}`, { headers: { range: 'bytes=0-99' } })).status).toBe(403)
  })

  test('media bytes: a player\'s range requests reuse the entitlement check for a few seconds only; a refusal is never reused', async () => {
    const v = await viewers()
    const third = { ...paid, lessonSlug: lesson(2).slug }
    const url = (await (await v.entitled.api()).lesson.get(third)).video!.url
    const range = async (signed: string) => (await fetch(`${server.url}${signed}`, { headers: { range: 'bytes=0-99' } })).status
    expect(await range(url)).toBe(206)

    // Revoked: the decision made a moment ago still holds inside its window…
    const entitledId = (await (await v.entitled.api()).auth.me())!.id
    await revokeCourseAccess(
      server.deps.db,
      { userId: entitledId, courseId: seeded.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
      server.deps.clock.now(),
    )
    server.deps.clock.advance(VIDEO_DECISION_TTL_MS - 1000)
    expect(await range(url)).toBe(206)
    // …and the first range request after it is refused, and stays refused.
    server.deps.clock.advance(1000)
    expect(await range(url)).toBe(403)
    expect(await range(url)).toBe(403)

    // Granted again: the refusal was not kept, the next request plays at once.
    await grant(entitledId)
    expect(await range(url)).toBe(206)
  })

  test('a signed URL expires after an hour', async () => {
    const v = await viewers()
    const url = (await (await v.admin.api()).lesson.get({ ...paid, lessonSlug: lesson(2).slug })).video!.url
    expect((await fetch(`${server.url}${url}`, { method: 'HEAD' })).status).toBe(200)
    server.deps.clock.advance(61 * 60_000)
    expect((await fetch(`${server.url}${url}`, { method: 'HEAD' })).status).toBe(403)
  })

  test('progress cannot be saved for a locked lesson', async () => {
    const v = await viewers()
    await expect(
      (await v.member.api()).lesson.saveProgress({ lessonId: lesson(2).id, positionSeconds: 5, playedRanges: [[0, 5]], clientTime: new Date() }),
    ).rejects.toMatchObject({ message: 'course.locked' })
  })

  test('admins grant and revoke by e-mail (audit-logged); members cannot', async () => {
    const v = await viewers()
    // Staff procedures need 2FA on (privacy-staff.test.ts checks the refusal without it).
    await turnOnTwoFactor(server.deps, v.admin)
    const buyer = await createMember(server.deps)
    await expect((await v.member.api()).admin.courseAccess.grant({ email: buyer.email, courseSlug: COURSE })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await (await v.admin.api()).admin.courseAccess.grant({ email: buyer.email, courseSlug: COURSE })).toEqual({ granted: true })
    expect(await (await v.admin.api()).admin.courseAccess.grant({ email: buyer.email, courseSlug: COURSE })).toEqual({ granted: false })
    expect((await (await buyer.client.api()).course.outline({ courseSlug: COURSE })).hasAccess).toBe(true)
    const members = await (await v.admin.api()).admin.courseAccess.members({ courseSlug: COURSE })
    expect(members.members.map((m) => m.email)).toContain(buyer.email)
    expect(await (await v.admin.api()).admin.courseAccess.revoke({ email: buyer.email, courseSlug: COURSE })).toEqual({ revoked: true })
    expect((await (await buyer.client.api()).course.outline({ courseSlug: COURSE })).hasAccess).toBe(false)
    await expect((await v.admin.api()).admin.courseAccess.grant({ email: 'niemand@example.nl', courseSlug: COURSE })).rejects.toMatchObject({ message: 'admin.userNotFound' })
  })

  test('attachments download only for viewers who may open the lesson (checked per request)', async () => {
    const v = await viewers()
    const withFile = seeded.lessons.find((l) => !l.freePreview && l.attachments.length > 0)!
    const path = `/attachments/lessons/${withFile.id}/${withFile.attachments[0]!.fileName}`
    const get = async (client: { token: string | null }) =>
      fetch(`${server.url}${path}`, { headers: client.token ? { cookie: `jb_session=${client.token}` } : {} })
    expect((await get(v.anonymous)).status).toBe(403)
    expect((await get(v.member)).status).toBe(403)
    expect((await get(v.revoked)).status).toBe(403)
    for (const client of [v.entitled, v.admin]) {
      const res = await get(client)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toContain(withFile.attachments[0]!.fileName)
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0)
    }
    const missing = await fetch(`${server.url}/attachments/lessons/${withFile.id}/niet-bestaand.txt`, { headers: { cookie: `jb_session=${v.entitled.token}` } })
    expect(missing.status).toBe(404)
  })

  test('certificate: only after every lesson is done, only with access; publicly verifiable with a PDF', async () => {
    const v = await viewers()
    await expect((await v.entitled.api()).certificate.claim({ courseSlug: COURSE })).rejects.toMatchObject({ message: 'certificate.notEarned' })
    for (const client of [v.member, v.revoked]) {
      await expect((await client.api()).certificate.claim({ courseSlug: COURSE })).rejects.toMatchObject({ message: 'course.locked' })
    }
    const me = (await (await v.entitled.api()).auth.me())!
    // Completion itself is covered in course-progress.test.ts; here every lesson is simply done.
    const now = server.deps.clock.now()
    await server.deps.db.insert(lessonProgress).values(
      seeded.lessons.map((l) => ({ userId: me.id, lessonId: l.id, courseId: seeded.course.id, completedAt: now, updatedAt: now })),
    )
    const issued = await (await v.entitled.api()).certificate.claim({ courseSlug: COURSE })
    expect(issued.code).toMatch(/^[a-z2-7]{16}$/)
    expect(await (await v.entitled.api()).certificate.claim({ courseSlug: COURSE })).toEqual(issued)
    expect(await (await v.entitled.api()).certificate.mine({ courseSlug: COURSE })).toEqual(issued)

    const verified = await (await v.anonymous.api()).certificate.verify({ code: issued.code })
    expect(verified).toMatchObject({ recipientName: `${me.firstName} ${me.lastName}`, courseTitle: 'Premium Cursus', code: issued.code })
    const pdf = await fetch(`${server.url}/certificates/${issued.code}.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    await expect((await v.anonymous.api()).certificate.verify({ code: 'aaaaaaaaaaaaaaaa' })).rejects.toMatchObject({ message: 'certificate.notFound' })
    expect((await fetch(`${server.url}/certificates/aaaaaaaaaaaaaaaa.pdf`)).status).toBe(404)
  })
})


import { describe, expect, test } from 'vitest'
import { mayProcess } from '@jouwbot/api/privacy'
import { and, auditLog, eq, staffReviews, users } from '@jouwbot/db'
import { createMember, makeStaff, PASSWORD } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal, totpCode, turnOnTwoFactor } from '../helpers/flows.ts'
import { mailsTo } from '../helpers/mailbox.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()
const DAY = 86_400_000

async function adminWithoutTwoFactor(deps: ReturnType<typeof makeDeps>) {
  const admin = await createMember(deps, { firstName: 'Beheerder' })
  await deps.db.update(users).set({ role: 'admin' }).where(eq(users.email, admin.email))
  return admin
}

describe('staff need 2FA (issue 11 §6)', () => {
  test('an admin or coach without 2FA is refused every staff procedure with a key that leads to 2FA set-up', async () => {
    const deps = makeDeps(db())
    const admin = await adminWithoutTwoFactor(deps)
    const api = await admin.client.api()
    await expectRefusal(api.admin.privacy.staff(), 'FORBIDDEN', 'privacy.staffTwoFactorRequired')
    await expectRefusal(api.admin.checkout.orders({}), 'FORBIDDEN', 'privacy.staffTwoFactorRequired')
    await expectRefusal(api.admin.courses.list(), 'FORBIDDEN', 'privacy.staffTwoFactorRequired')

    await turnOnTwoFactor(deps, admin.client)
    await expect((await admin.client.api()).admin.courses.list()).resolves.toBeInstanceOf(Array)
  })

  test('a member is still refused with the plain forbidden key (no hint about 2FA)', async () => {
    const deps = makeDeps(db())
    const member = await createMember(deps)
    await expectRefusal((await member.client.api()).admin.privacy.staff(), 'FORBIDDEN', 'error.forbidden')
  })
})

describe('authorisations review', () => {
  test('lists every staff account with role, 2FA and last use, and reminds of the quarterly review', async () => {
    const deps = makeDeps(db())
    const admin = await createMember(deps, { firstName: 'Anna' })
    await makeStaff(deps, admin)
    const coach = await adminWithoutTwoFactor(deps)
    await deps.db.update(users).set({ role: 'coach' }).where(eq(users.email, coach.email))
    await createMember(deps, { firstName: 'Gewoon' })

    const api = await admin.client.api()
    const review = await api.admin.privacy.staff()
    expect(review.staff.map((s) => [s.email, s.role, s.twoFactor])).toEqual(
      expect.arrayContaining([
        [admin.email, 'admin', true],
        [coach.email, 'coach', false],
      ]),
    )
    expect(review.staff).toHaveLength(2)
    expect(review.staff.every((s) => s.lastUsedAt instanceof Date)).toBe(true)
    expect(review.reviewDue).toBe(true)
    // The review reads the staff's own data: each of them sees it; the admin's own read is not listed for the admin.
    const coachSees = await (await coach.client.api()).privacy.staffAccess()
    expect(coachSees).toEqual([expect.objectContaining({ purpose: 'authorisation_review', staffRole: 'admin' })])
    expect(await (await admin.client.api()).privacy.staffAccess()).toEqual([])

    await (await admin.client.api()).admin.privacy.recordReview({ note: 'Q4 nagelopen' })
    expect((await (await admin.client.api()).admin.privacy.staff()).reviewDue).toBe(false)
    // A quarter (and a day) later the review is due again.
    await deps.db.update(staffReviews).set({ reviewedAt: new Date(deps.clock.now().getTime() - 92 * DAY) })
    const later = await (await admin.client.api()).admin.privacy.staff()
    expect(later.reviewDue).toBe(true)
    expect(later.lastReview?.note).toBe('Q4 nagelopen')
  })

  test('roles are granted and withdrawn there, in sudo mode, audited; never one’s own', async () => {
    const deps = makeDeps(db())
    const admin = await createMember(deps, { firstName: 'Anna' })
    const { id: adminId } = await makeStaff(deps, admin)
    const member = await createMember(deps, { firstName: 'Kees' })
    const api = await admin.client.api()

    const granted = await api.admin.privacy.grantRole({ email: member.email, role: 'coach' })
    expect(granted).toMatchObject({ role: 'coach', changed: true })
    const [audit] = await deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.role_changed'), eq(auditLog.subjectUserId, granted.userId)))
    expect(audit).toMatchObject({ actorUserId: adminId, details: { from: 'member', to: 'coach' } })

    await expectRefusal(api.admin.privacy.setRole({ userId: adminId, role: 'member' }), 'FORBIDDEN', 'privacy.cannotChangeOwnRole')
    await expectRefusal(api.admin.privacy.grantRole({ email: 'niemand@example.nl', role: 'admin' }), 'NOT_FOUND', 'admin.userNotFound')

    // Sudo: ten minutes after the last password entry, changes are refused.
    deps.clock.advance(11 * 60_000)
    await expectRefusal((await admin.client.api()).admin.privacy.setRole({ userId: granted.userId, role: 'member' }), 'FORBIDDEN', 'auth.reauthenticationRequired')
    expect((await deps.db.select().from(users).where(eq(users.id, granted.userId)))[0]!.role).toBe('coach')
  })
})

describe('privacy requests, objections and "who looked at my data"', () => {
  test('restriction: filed by the member with a due date, resolved by an admin, visible with dates; the admin read is shown to the member', async () => {
    const deps = makeDeps(db())
    const admin = await createMember(deps, { firstName: 'Anna' })
    await makeStaff(deps, admin)
    const member = await createMember(deps, { firstName: 'Sanne' })
    const mine = await member.client.api()

    const filedAt = deps.clock.now()
    const request = await mine.privacy.requestRestriction({ message: 'Ik betwist de juistheid van mijn gegevens.' })
    expect(request).toMatchObject({ kind: 'restriction', status: 'open' })
    expect(request.dueAt.getTime() - filedAt.getTime()).toBe(30 * DAY)
    await expectRefusal(mine.privacy.requestRestriction({}), 'CONFLICT', 'privacy.requestPending')
    expect(await mine.privacy.staffAccess()).toEqual([])

    const memberId = (await deps.db.select().from(users).where(eq(users.email, member.email)))[0]!.id
    expect(await mayProcess(deps.db, memberId, 'statistics')).toBe(true)
    const adminApi = await admin.client.api()
    const { requests: queue } = await adminApi.admin.privacy.requests({ status: 'open' })
    expect(queue).toEqual([expect.objectContaining({ id: request.id, email: member.email, overdue: false })])

    const access = await (await member.client.api()).privacy.staffAccess()
    expect(access).toEqual([expect.objectContaining({ purpose: 'privacy_request', staffRole: 'admin', action: 'admin.read_privacy_requests' })])

    await adminApi.admin.privacy.resolveRequest({ requestId: request.id, decision: 'granted', outcome: 'Verwerking beperkt tot de controle klaar is.' })
    await expectRefusal(
      adminApi.admin.privacy.resolveRequest({ requestId: request.id, decision: 'refused', outcome: 'Nee' }),
      'CONFLICT',
      'privacy.requestAlreadyResolved',
    )
    const after = await member.client.api()
    expect((await after.privacy.settings()).restrictedAt).toBeInstanceOf(Date)
    // Frozen: no statistics and no newsletter, whatever was chosen before.
    expect(await mayProcess(deps.db, memberId, 'statistics')).toBe(false)
    expect(await mayProcess(deps.db, memberId, 'newsletter')).toBe(false)
    const [history] = await after.privacy.myRequests()
    expect(history).toMatchObject({ status: 'granted', outcome: 'Verwerking beperkt tot de controle klaar is.' })
    expect(history!.resolvedAt).toBeInstanceOf(Date)
    expect((await mailsTo(deps.db, member.email)).map((m) => m.template)).toContain('privacyRequestResolved')

    // Staff see it: every request of this member in the queue says since when processing is restricted.
    const {
      requests: [granted],
    } = await adminApi.admin.privacy.requests({ status: 'all' })
    expect(granted).toMatchObject({ id: request.id, email: member.email })
    expect(granted!.restrictedAt).toEqual((await after.privacy.settings()).restrictedAt)

    // Restricted: the next request is to lift it (and the open request shows the restriction too).
    const lift = await after.privacy.requestRestriction({})
    expect(lift).toMatchObject({ kind: 'lift_restriction', status: 'open' })
    const {
      requests: [openLift],
    } = await adminApi.admin.privacy.requests({ status: 'open' })
    expect(openLift).toMatchObject({ id: lift.id, restrictedAt: expect.any(Date) })
  })

  test('the queue marks requests past their one-month due date', async () => {
    const deps = makeDeps(db())
    const admin = await createMember(deps, { firstName: 'Anna' })
    const { secret } = await makeStaff(deps, admin)
    const member = await createMember(deps)
    await (await member.client.api()).privacy.requestRestriction({})
    deps.clock.advance(31 * DAY)
    // The admin's session has long been idle; log in again with the second factor.
    const again = await createLogin(deps, admin.email, secret)
    const [row] = (await (await again.api()).admin.privacy.requests({ status: 'open' })).requests
    expect(row!.overdue).toBe(true)
  })

  test('objections to the newsletter and statistics take effect at once and are listed', async () => {
    const deps = makeDeps(db())
    const member = await createMember(deps)
    await deps.db.update(users).set({ newsletterConsentAt: deps.clock.now() }).where(eq(users.email, member.email))
    const api = await member.client.api()
    expect((await api.privacy.settings()).newsletter).toBe(true)
    const memberId = (await deps.db.select().from(users).where(eq(users.email, member.email)))[0]!.id
    expect(await mayProcess(deps.db, memberId, 'newsletter')).toBe(true)
    await api.privacy.object({ to: 'newsletter' })
    await api.privacy.object({ to: 'statistics' })
    const settings = await (await member.client.api()).privacy.settings()
    expect(settings.newsletter).toBe(false)
    // Withdrawn in the consent log as well, so the consent history shows it.
    const history = await (await member.client.api()).privacy.consentHistory()
    expect(history.filter((h) => !h.granted).map((h) => h.purpose)).toEqual(expect.arrayContaining(['newsletter', 'statistics']))
    expect(settings.statisticsObjectedAt).toBeInstanceOf(Date)
    expect(await mayProcess(deps.db, memberId, 'newsletter')).toBe(false)
    expect(await mayProcess(deps.db, memberId, 'statistics')).toBe(false)
    const requests = await (await member.client.api()).privacy.myRequests()
    expect(requests.map((r) => [r.kind, r.status])).toEqual(
      expect.arrayContaining([
        ['objection_newsletter', 'done'],
        ['objection_statistics', 'done'],
      ]),
    )
  })

  test('members cannot reach the admin queue or resolve requests', async () => {
    const deps = makeDeps(db())
    const member = await createMember(deps)
    const request = await (await member.client.api()).privacy.requestRestriction({})
    const api = await member.client.api()
    await expectRefusal(api.admin.privacy.requests({ status: 'open' }), 'FORBIDDEN', 'error.forbidden')
    await expectRefusal(api.admin.privacy.resolveRequest({ requestId: request.id, decision: 'granted', outcome: 'zelf' }), 'FORBIDDEN', 'error.forbidden')
  })
})

async function createLogin(deps: ReturnType<typeof makeDeps>, email: string, secret: string) {
  const client = new TestClient(deps)
  await (await client.api()).auth.logIn({ email, password: PASSWORD })
  await (await client.api()).auth.verifyTotp({ code: totpCode(secret, deps.clock.now()) })
  return client
}

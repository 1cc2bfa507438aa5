import { describe, expect, test } from 'vitest'
import { bookSession, grantCredits } from '@jouwbot/api/coaching'
import { and, auditLog, coachProfiles, coachingAvailability, coachingSessionTypes, eq, lessonProgress, users } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { weekdayAt } from '../helpers/coaching.ts'
import { seedPremiumCursus } from '../helpers/course.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

function setUp() {
  const deps = makeDeps(db())
  deps.clock.set(new Date('2026-06-01T06:00:00Z')) // Monday 08:00 in Amsterdam
  return deps
}
type Deps = ReturnType<typeof setUp>

/** A coach through the real sign-up, made staff with 2FA, with a profile, weekday hours and one type. */
async function coachClient(deps: Deps, name: string) {
  const member = await createMember(deps, { firstName: name })
  const { id } = await makeStaff(deps, member, 'coach')
  await deps.db.insert(coachProfiles).values({ userId: id, displayName: `${name} Coach`, locationKind: 'video', locationDetail: 'https://meet.example/x' })
  await deps.db.insert(coachingAvailability).values([1, 2, 3, 4, 5].map((weekday) => ({ coachId: id, weekday, startMinute: 540, endMinute: 1020 })))
  const [type] = await deps.db.insert(coachingSessionTypes).values({ coachId: id, title: 'Sessie', durationMinutes: 60, credits: 1 }).returning()
  return { client: member.client, id, typeId: type!.id }
}

async function adminClient(deps: Deps) {
  const member = await createMember(deps, { firstName: 'Beheer' })
  const { id } = await makeStaff(deps, member, 'admin')
  return { client: member.client, id }
}

async function memberWhoBooked(deps: Deps, coach: { id: string; typeId: string }, adminId: string, startsAt: Date) {
  const member = await createMember(deps, { firstName: 'Lotte' })
  const [row] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, member.email))
  await grantCredits(deps, { adminId, userId: row!.id, credits: 3, note: 'test' })
  const booking = await bookSession(deps, {
    memberId: row!.id,
    coachId: coach.id,
    sessionTypeId: coach.typeId,
    startsAt,
    topic: 'Les 2',
    lessonId: null,
    expressStartRequested: false,
    idempotencyKey: crypto.randomUUID(),
  })
  return { ...member, id: row!.id, booking }
}

const reads = (deps: Deps, actorId: string, subjectId: string) =>
  deps.db.select().from(auditLog).where(and(eq(auditLog.actorUserId, actorId), eq(auditLog.subjectUserId, subjectId)))

describe('a coach sees course progress only of members who booked them, and every view is audited', () => {
  test('the booked coach reads the progress lesson by lesson (one audit row per view); another coach gets NOT_FOUND and leaves no row', async () => {
    const deps = setUp()
    const seeded = await seedPremiumCursus(deps)
    const admin = await adminClient(deps)
    const robin = await coachClient(deps, 'Robin')
    const kim = await coachClient(deps, 'Kim')
    const lotte = await memberWhoBooked(deps, robin, admin.id, weekdayAt(deps.clock.now(), 2, 10))
    const [first, second] = seeded.lessons
    await deps.db.insert(lessonProgress).values([
      { userId: lotte.id, lessonId: first!.id, courseId: seeded.course.id, watchedSeconds: 120, completedAt: deps.clock.now(), updatedAt: deps.clock.now() },
      { userId: lotte.id, lessonId: second!.id, courseId: seeded.course.id, watchedSeconds: 30, updatedAt: deps.clock.now() },
    ])

    const progress = await (await robin.client.api()).coaching.memberProgress({ memberId: lotte.id })
    expect(progress.memberName).toBe('Lotte de Vries')
    expect(progress.lessons.map((lesson) => [lesson.lessonId, lesson.completed, lesson.watchedSeconds])).toEqual([
      [first!.id, true, 120],
      [second!.id, false, 30],
    ])
    await (await robin.client.api()).coaching.memberProgress({ memberId: lotte.id })
    const robinReads = await reads(deps, robin.id, lotte.id)
    expect(robinReads.filter((row) => row.action === 'coaching.read_progress')).toHaveLength(2)
    expect(robinReads[0]!.details).toMatchObject({ purpose: 'coaching_session', staffRole: 'coach' })

    await expectRefusal((await kim.client.api()).coaching.memberProgress({ memberId: lotte.id }), 'NOT_FOUND', 'coaching.memberNotFound')
    expect(await reads(deps, kim.id, lotte.id)).toHaveLength(0)
    // A member id that does not exist looks the same as one who did not book this coach.
    await expectRefusal((await kim.client.api()).coaching.memberProgress({ memberId: crypto.randomUUID() }), 'NOT_FOUND', 'coaching.memberNotFound')
  })

  test('after the member cancels, the coach can no longer open the progress', async () => {
    const deps = setUp()
    const admin = await adminClient(deps)
    const robin = await coachClient(deps, 'Robin')
    const lotte = await memberWhoBooked(deps, robin, admin.id, weekdayAt(deps.clock.now(), 3, 10))
    await (await lotte.client.api()).coaching.cancel({ bookingId: lotte.booking.id, acceptForfeit: false })
    await expectRefusal((await robin.client.api()).coaching.memberProgress({ memberId: lotte.id }), 'NOT_FOUND', 'coaching.memberNotFound')
    expect(await reads(deps, robin.id, lotte.id)).toHaveLength(0)
  })

  test("the coach's session list shows only their own bookings with the member's progress, and audits each member shown", async () => {
    const deps = setUp()
    const admin = await adminClient(deps)
    const robin = await coachClient(deps, 'Robin')
    const kim = await coachClient(deps, 'Kim')
    const lotte = await memberWhoBooked(deps, robin, admin.id, weekdayAt(deps.clock.now(), 2, 10))
    const other = await memberWhoBooked(deps, kim, admin.id, weekdayAt(deps.clock.now(), 2, 11))

    const list = await (await robin.client.api()).coaching.coachSessions()
    expect(list.map((session) => session.id)).toEqual([lotte.booking.id])
    expect(list[0]).toMatchObject({ memberId: lotte.id, memberName: 'Lotte de Vries', topic: 'Les 2', started: false })
    expect((await reads(deps, robin.id, lotte.id)).map((row) => row.action)).toEqual(['coaching.read_sessions'])
    expect(await reads(deps, robin.id, other.id)).toHaveLength(0)
  })

  test('a member (no coach role) is FORBIDDEN on the coach procedures', async () => {
    const deps = setUp()
    const member = await createMember(deps)
    await expectRefusal((await member.client.api()).coaching.memberProgress({ memberId: crypto.randomUUID() }), 'FORBIDDEN', 'error.forbidden')
    await expectRefusal((await member.client.api()).coaching.coachSessions(), 'FORBIDDEN', 'error.forbidden')
  })
})

describe('session notes', () => {
  test('the coach keeps private notes and shares a summary: the member sees the summary only; another coach or the member cannot write them', async () => {
    const deps = setUp()
    const admin = await adminClient(deps)
    const robin = await coachClient(deps, 'Robin')
    const kim = await coachClient(deps, 'Kim')
    const lotte = await memberWhoBooked(deps, robin, admin.id, weekdayAt(deps.clock.now(), 2, 10))
    const notes = { bookingId: lotte.booking.id, coachNote: 'Twijfelt over prijzen.', sharedSummary: 'Oefen de welkomstflow opnieuw.' }

    await expectRefusal((await kim.client.api()).coaching.saveNotes(notes), 'NOT_FOUND', 'coaching.bookingNotFound')
    await expectRefusal((await lotte.client.api()).coaching.saveNotes(notes), 'FORBIDDEN', 'error.forbidden')
    expect(await (await robin.client.api()).coaching.saveNotes(notes)).toMatchObject({ coachNote: notes.coachNote, sharedSummary: notes.sharedSummary })

    const [mine] = await (await lotte.client.api()).coaching.mySessions()
    expect(mine!.sharedSummary).toBe(notes.sharedSummary)
    expect(JSON.stringify(mine)).not.toContain(notes.coachNote)
    const [listed] = await (await robin.client.api()).coaching.coachSessions()
    expect(listed).toMatchObject({ coachNote: notes.coachNote, sharedSummary: notes.sharedSummary })

    // After the session is marked it stays in the coach's list (30 days) with its notes.
    deps.clock.set(new Date(lotte.booking.startsAt.getTime() + 70 * 60_000))
    await (await robin.client.api()).coaching.markOutcome({ bookingId: lotte.booking.id, outcome: 'held' })
    const [held] = await (await robin.client.api()).coaching.coachSessions()
    expect(held).toMatchObject({ id: lotte.booking.id, status: 'held', coachNote: notes.coachNote })
  })

  test('a cancelled session takes no notes', async () => {
    const deps = setUp()
    const admin = await adminClient(deps)
    const robin = await coachClient(deps, 'Robin')
    const lotte = await memberWhoBooked(deps, robin, admin.id, weekdayAt(deps.clock.now(), 3, 10))
    await (await lotte.client.api()).coaching.cancel({ bookingId: lotte.booking.id, acceptForfeit: false })
    await expectRefusal((await robin.client.api()).coaching.saveNotes({ bookingId: lotte.booking.id, coachNote: 'x', sharedSummary: '' }), 'CONFLICT', 'coaching.bookingClosed')
  })
})

describe('admin: all bookings with filters, and grants by e-mail', () => {
  test('filters by coach, status and date range, a page at a time; the members shown are audited', async () => {
    const deps = setUp()
    const admin = await adminClient(deps)
    const robin = await coachClient(deps, 'Robin')
    const kim = await coachClient(deps, 'Kim')
    const a = await memberWhoBooked(deps, robin, admin.id, weekdayAt(deps.clock.now(), 2, 10)) // Wednesday 3 June
    const b = await memberWhoBooked(deps, robin, admin.id, weekdayAt(deps.clock.now(), 3, 10)) // Thursday 4 June
    const c = await memberWhoBooked(deps, kim, admin.id, weekdayAt(deps.clock.now(), 3, 11))
    await (await b.client.api()).coaching.cancel({ bookingId: b.booking.id, acceptForfeit: false })
    const api = await admin.client.api()

    const all = await api.admin.coaching.bookings({})
    expect(all.nextCursor).toBeNull()
    expect(all.bookings.map((row) => row.id)).toEqual([c.booking.id, b.booking.id, a.booking.id])
    expect((await api.admin.coaching.bookings({ coachId: robin.id })).bookings.map((row) => row.id)).toEqual([b.booking.id, a.booking.id])
    expect((await api.admin.coaching.bookings({ status: 'canceled' })).bookings.map((row) => row.id)).toEqual([b.booking.id])
    expect((await api.admin.coaching.bookings({ from: '2026-06-04', to: '2026-06-04' })).bookings.map((row) => row.id)).toEqual([c.booking.id, b.booking.id])
    expect((await api.admin.coaching.bookings({ to: '2026-06-03' })).bookings.map((row) => row.id)).toEqual([a.booking.id])
    // Keyset pages ("load more"): each page continues after the last booking of the one before.
    const first = await api.admin.coaching.bookings({ limit: 2 })
    expect(first.bookings.map((row) => row.id)).toEqual([c.booking.id, b.booking.id])
    expect(first.nextCursor).toBe(b.booking.id)
    const second = await api.admin.coaching.bookings({ limit: 2, cursor: first.nextCursor! })
    expect(second).toMatchObject({ nextCursor: null, bookings: [{ id: a.booking.id }] })
    const robinsFirst = await api.admin.coaching.bookings({ coachId: robin.id, limit: 1 })
    expect(robinsFirst.bookings.map((row) => row.id)).toEqual([b.booking.id])
    expect((await api.admin.coaching.bookings({ coachId: robin.id, limit: 1, cursor: robinsFirst.nextCursor! })).bookings.map((row) => row.id)).toEqual([a.booking.id])
    expect((await reads(deps, admin.id, a.id)).some((row) => row.action === 'admin.read_coaching_bookings')).toBe(true)

    const member = await createMember(deps)
    await expectRefusal((await member.client.api()).admin.coaching.bookings({}), 'FORBIDDEN', 'error.forbidden')
  })

  test('a grant by e-mail adds to the balance and is audited; an unknown address is refused', async () => {
    const deps = setUp()
    const admin = await adminClient(deps)
    const member = await createMember(deps)
    const api = await admin.client.api()
    const { granted, userId } = await api.admin.coaching.grantCreditsByEmail({ email: member.email.toUpperCase(), credits: 2, note: 'Goodwill' })
    expect(granted).toBe(2)
    expect((await (await member.client.api()).coaching.credits()).balance).toBe(2)
    expect((await reads(deps, admin.id, userId)).map((row) => row.action)).toContain('coaching.credits_granted')
    await expectRefusal(api.admin.coaching.grantCreditsByEmail({ email: 'niemand@example.nl', credits: 1, note: 'x' }), 'NOT_FOUND', 'admin.userNotFound')
  })
})

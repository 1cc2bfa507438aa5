import { beforeEach, describe, expect, test } from 'vitest'
import { grantCourseAccess, revokeCourseAccess } from '@jouwbot/api/courses'
import { and, auditLog, eq, rowsOf, sql } from '@jouwbot/db'
import { COURSE_MEMBERS_PAGE_MAX, COURSE_MEMBERS_PAGE_SIZE } from '@jouwbot/shared'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import type { TestClient } from '../helpers/client.ts'
import { COURSE, seedPremiumCursus } from '../helpers/course.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

let deps: ReturnType<typeof makeDeps>
let seeded: Awaited<ReturnType<typeof seedPremiumCursus>>
let admin: TestClient
let adminId: string

/** 130 members with access, written in SQL: grant times with microseconds, and groups of five that share one grant time (ties broken by id). */
const MEMBERS = 130
async function seedMembers(courseId: string): Promise<void> {
  await deps.db.execute(sql`
    insert into users (email, password_hash, first_name, last_name, email_verified_at)
    select 'cursist' || n || '@example.nl', 'x', 'Cursist' || n, case when n % 10 = 0 then 'Tienvoud' else 'Jansen' end, now()
    from generate_series(1, ${MEMBERS}) as n`)
  await deps.db.execute(sql`
    insert into entitlements (user_id, course_id, source, source_ref, granted_at)
    select u.id, ${courseId}, 'admin_grant', 'manual',
      timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => (substring(u.email from '[0-9]+')::int / 5) * 3600 + 0.000123)
    from users u where u.email like 'cursist%'`)
}

type Page = Awaited<ReturnType<Awaited<ReturnType<TestClient['api']>>['admin']['courseAccess']['members']>>

async function allPages(input: { search?: string; limit?: number } = {}): Promise<{ pages: Page[]; ids: string[] }> {
  const pages: Page[] = []
  let cursor: string | undefined
  do {
    const page = await (await admin.api()).admin.courseAccess.members({ courseSlug: COURSE, ...input, cursor })
    pages.push(page)
    cursor = page.nextCursor ?? undefined
  } while (cursor && pages.length < 100)
  return { pages, ids: pages.flatMap((page) => page.members.map((member) => member.entitlementId)) }
}

/** The order the list promises, straight from the table: newest grant first, ties by id descending. */
async function expectedOrder(courseId: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await deps.db.execute(sql`select id from entitlements where course_id = ${courseId} and revoked_at is null order by granted_at desc, id desc`),
  )
  return rows.map((row) => row.id)
}

beforeEach(async () => {
  deps = makeDeps(db())
  seeded = await seedPremiumCursus(deps)
  const member = await createMember(deps, { firstName: 'Admin' })
  adminId = (await makeStaff(deps, member)).id
  admin = member.client
  await seedMembers(seeded.course.id)
})

describe('admin.courseAccess.members pages through a course with many members', () => {
  test('every active member exactly once, in a stable order, across pages of the asked size', async () => {
    const { pages, ids } = await allPages({ limit: 25 })
    expect(pages.map((page) => page.members.length)).toEqual([25, 25, 25, 25, 25, 5])
    expect(pages.at(-1)!.nextCursor).toBeNull()
    expect(new Set(ids).size).toBe(MEMBERS)
    expect(ids).toEqual(await expectedOrder(seeded.course.id))
    // The same walk again gives the same pages.
    expect((await allPages({ limit: 25 })).ids).toEqual(ids)
  })

  test('the default page is 25, more than the maximum is refused, and so is a page of none', async () => {
    const first = await (await admin.api()).admin.courseAccess.members({ courseSlug: COURSE })
    expect(first.members).toHaveLength(COURSE_MEMBERS_PAGE_SIZE)
    expect(first.nextCursor).toBe(first.members.at(-1)!.entitlementId)
    const most = await (await admin.api()).admin.courseAccess.members({ courseSlug: COURSE, limit: COURSE_MEMBERS_PAGE_MAX })
    expect(most.members).toHaveLength(COURSE_MEMBERS_PAGE_MAX)
    for (const limit of [COURSE_MEMBERS_PAGE_MAX + 1, 0, 10_000]) {
      await expect((await admin.api()).admin.courseAccess.members({ courseSlug: COURSE, limit })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    }
    await expect((await admin.api()).admin.courseAccess.members({ courseSlug: COURSE, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  test('members granted or revoked while paging neither repeat nor shift the rest', async () => {
    const api = await admin.api()
    const first = await api.admin.courseAccess.members({ courseSlug: COURSE, limit: 40 })
    // A new member (newest, so before the cursor) and a revoked one on a later page.
    const late = await createMember(deps, { firstName: 'Laat' })
    const lateId = rowsOf<{ id: string }>(await deps.db.execute(sql`select id from users where email = ${late.email}`))[0]!.id
    await grantCourseAccess(deps.db, { userId: lateId, courseId: seeded.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }, deps.clock.now())
    const expected = await expectedOrder(seeded.course.id)
    const gone = expected[100]!
    const goneUser = rowsOf<{ user_id: string }>(await deps.db.execute(sql`select user_id from entitlements where id = ${gone}`))[0]!.user_id
    await revokeCourseAccess(deps.db, { userId: goneUser, courseId: seeded.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }, deps.clock.now())
    const rest: string[] = []
    let cursor = first.nextCursor
    while (cursor) {
      const page = await api.admin.courseAccess.members({ courseSlug: COURSE, limit: 40, cursor })
      rest.push(...page.members.map((member) => member.entitlementId))
      cursor = page.nextCursor
    }
    const seen = [...first.members.map((member) => member.entitlementId), ...rest]
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toHaveLength(MEMBERS - 1)
    expect(seen).not.toContain(gone)
    // Without the newcomer (listed on a fresh first page) and the revoked one: the same order, no gaps.
    expect(seen).toEqual(expected.filter((id) => id !== gone).slice(1))
    const fresh = await api.admin.courseAccess.members({ courseSlug: COURSE, limit: 1 })
    expect(fresh.members[0]!.email).toBe(late.email)
  })

  test('search by e-mail or name, paged the same way; % and _ are taken literally', async () => {
    const byName = await allPages({ search: 'tienvoud', limit: 5 })
    expect(byName.ids).toHaveLength(MEMBERS / 10)
    expect(byName.pages.flatMap((page) => page.members).every((member) => member.lastName === 'Tienvoud')).toBe(true)
    expect(new Set(byName.ids).size).toBe(byName.ids.length)
    const all = await expectedOrder(seeded.course.id)
    expect(byName.ids).toEqual(all.filter((id) => byName.ids.includes(id)))

    const byEmail = await (await admin.api()).admin.courseAccess.members({ courseSlug: COURSE, search: 'CURSIST12@' })
    expect(byEmail.members.map((member) => member.email)).toEqual(['cursist12@example.nl'])
    expect(byEmail.nextCursor).toBeNull()
    const byFirstName = await (await admin.api()).admin.courseAccess.members({ courseSlug: COURSE, search: 'Cursist7 ' })
    // Trimmed: "cursist7" also matches cursist70…79.
    expect(byFirstName.members.map((member) => member.email).sort()).toEqual(['cursist7@example.nl', ...Array.from({ length: 10 }, (_, i) => `cursist7${i}@example.nl`)].sort())
    for (const literal of ['%', '_']) {
      expect((await (await admin.api()).admin.courseAccess.members({ courseSlug: COURSE, search: literal })).members).toEqual([])
    }
  })

  test('only the page shown is audit-logged, and members may not list at all', async () => {
    await (await admin.api()).admin.courseAccess.members({ courseSlug: COURSE, limit: 7 })
    const reads = await deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'admin.read_course_members'), eq(auditLog.actorUserId, adminId)))
    expect(reads).toHaveLength(7)
    expect(reads[0]!.details).toMatchObject({ count: 7, purpose: 'course_access' })
    const { client: member } = await createMember(deps)
    await expect((await member.api()).admin.courseAccess.members({ courseSlug: COURSE })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('admin.privacy.requests pages through the queue', () => {
  /** 60 requests: every third one open, due dates and creation times with ties (groups of four). */
  async function seedRequests(): Promise<void> {
    await deps.db.execute(sql`
      insert into privacy_requests (user_id, kind, status, created_at, due_at)
      select u.id, 'access', (case when n % 3 = 0 then 'open' else 'done' end)::privacy_request_status,
        timestamptz '2026-02-01 00:00:00+00' + make_interval(secs => (n / 4) * 60 + 0.000321),
        timestamptz '2026-03-01 00:00:00+00' + make_interval(secs => (n / 4) * 60 + 0.000321)
      from (select id, substring(email from '[0-9]+')::int as n from users where email like 'cursist%') u where n <= 60`)
  }
  const walk = async (status: 'open' | 'all', limit: number) => {
    const ids: string[] = []
    const sizes: number[] = []
    let cursor: string | undefined
    do {
      const page = await (await admin.api()).admin.privacy.requests({ status, limit, cursor })
      ids.push(...page.requests.map((request) => request.id))
      sizes.push(page.requests.length)
      cursor = page.nextCursor ?? undefined
    } while (cursor && sizes.length < 100)
    return { ids, sizes }
  }

  test('open by due date and all newest first: each request once, in order, pages of the asked size', async () => {
    await seedRequests()
    const open = await walk('open', 7)
    expect(open.sizes).toEqual([7, 7, 6])
    const expectedOpen = rowsOf<{ id: string }>(await deps.db.execute(sql`select id from privacy_requests where status = 'open' order by due_at, id`)).map((row) => row.id)
    expect(open.ids).toEqual(expectedOpen)
    const all = await walk('all', 25)
    expect(all.sizes).toEqual([25, 25, 10])
    const expectedAll = rowsOf<{ id: string }>(await deps.db.execute(sql`select id from privacy_requests order by created_at desc, id desc`)).map((row) => row.id)
    expect(all.ids).toEqual(expectedAll)
    expect(new Set(all.ids).size).toBe(60)
    await expect((await admin.api()).admin.privacy.requests({ status: 'all', limit: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect((await (await admin.api()).admin.privacy.requests({ status: 'all' })).requests).toHaveLength(25)
  })
})

import { afterEach, describe, expect, test, vi } from 'vitest'
import { grantCourseAccess, revokeCourseAccess } from '@jouwbot/api/courses'
import { and, eq, lessonProgress, lessons, sql } from '@jouwbot/db'
import { writeKnownProgress, type KnownProgressWrite } from '../../packages/api/src/courses/known-progress-writes.ts'
import { lessonQueries } from '../../packages/api/src/courses/lesson-queries.ts'
import { createMember } from '../helpers/accounts.ts'
import { COURSE, seedPremiumCursus } from '../helpers/course.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

async function entitledMember() {
  const deps = makeDeps(db())
  const { course, lessons: rows } = await seedPremiumCursus(deps)
  const lesson = rows[2]!
  /** Another member with access to the course, who has opened the lesson (so has a progress row). */
  const addMember = async () => {
    const { client } = await createMember(deps)
    const me = (await (await client.api()).auth.me())!
    await grantCourseAccess(deps.db, { userId: me.id, courseId: course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }, deps.clock.now())
    const save = async (positionSeconds: number, playedRanges: [number, number][], clientTime = deps.clock.now()) =>
      (await client.api()).lesson.saveProgress({ lessonId: lesson.id, positionSeconds, playedRanges, clientTime })
    // The player reports as soon as the lesson opens; credit for watching counts from there.
    await save(0, [])
    return { client, me, save }
  }
  return { deps, lesson, rows, course, addMember, ...(await addMember()) }
}

describe('lesson progress', () => {
  test('saving the same progress twice changes nothing (idempotent)', async () => {
    const { deps, save } = await entitledMember()
    deps.clock.advance(10_000)
    const once = await save(8, [[0, 8]])
    const twice = await save(8, [[0, 8]])
    expect(twice).toEqual(once)
    expect(once).toMatchObject({ positionSeconds: 8, completed: false })
  })

  test('the lesson and each save return the watched ranges, so the player can show "% bekeken" live', async () => {
    const { deps, client, save, lesson } = await entitledMember()
    deps.clock.advance(15_000)
    const saved = await save(12, [[0, 12]])
    expect(saved.watchedRanges).toEqual([[0, 12]])
    const slug = (await deps.db.select({ slug: lessons.slug }).from(lessons).where(eq(lessons.id, lesson.id)))[0]!.slug
    const got = await (await client.api()).lesson.get({ courseSlug: COURSE, lessonSlug: slug })
    expect(got.progress).toMatchObject({ watchedRanges: [[0, 12]], watchedPercent: saved.watchedPercent })
    // The course is named by id too (the English interface names it as the shop does).
    expect(got.course).toMatchObject({ slug: COURSE, id: expect.any(String) })
  })

  test('watched coverage never goes backwards, while the resume position may (rewinding is allowed)', async () => {
    const { deps, save, lesson } = await entitledMember()
    deps.clock.advance(15_000)
    const forward = await save(20, [[0, 20]])
    deps.clock.advance(5_000)
    const rewound = await save(3, [[0, 3]])
    expect(rewound.positionSeconds).toBe(3)
    expect(rewound.watchedPercent).toBe(forward.watchedPercent)
    expect(forward.watchedPercent).toBe(Math.floor((20 / lesson.durationSeconds) * 100))
  })

  test('seeking to the end does not complete the lesson; really watching 90% does', async () => {
    const { deps, save, lesson } = await entitledMember()
    const d = lesson.durationSeconds
    deps.clock.advance(5_000)
    expect(await save(d, [[0, 3], [d - 2, d]])).toMatchObject({ completed: false })
    deps.clock.advance(d * 1000)
    // 80% from the start plus the 2 s really played at the end: still under 90%.
    const watched = await save(d * 0.8, [[0, d * 0.8]])
    expect(watched.completed).toBe(false)
    deps.clock.advance(10_000)
    // 95% from the start joins the 2 s watched at the end: everything was seen.
    const done = await save(d * 0.95, [[0, d * 0.95]])
    expect(done).toMatchObject({ completed: true, watchedPercent: 100 })
    // Completion is permanent, whatever comes after.
    expect(await save(0, [])).toMatchObject({ completed: true, positionSeconds: 0 })
  })

  test('claiming the whole video at once is credited only as fast as the clock allows', async () => {
    const { deps, save, lesson } = await entitledMember()
    const claimed = await save(lesson.durationSeconds, [[0, lesson.durationSeconds]])
    expect(claimed.completed).toBe(false)
    // Right after opening: only the 5 s of slack.
    expect(claimed.watchedPercent).toBe(Math.floor((5 / lesson.durationSeconds) * 100))
    // 10 s later: twice the elapsed time plus slack, 25 s more at most.
    deps.clock.advance(10_000)
    expect((await save(lesson.durationSeconds, [[0, lesson.durationSeconds]])).watchedPercent).toBe(Math.floor((30 / lesson.durationSeconds) * 100))
  })

  test('a late save (an older beacon) never moves the position back', async () => {
    const { deps, save } = await entitledMember()
    const early = deps.clock.now()
    deps.clock.advance(20_000)
    await save(18, [[0, 18]], deps.clock.now())
    const late = await save(4, [[0, 4]], early)
    expect(late.positionSeconds).toBe(18)
  })

  test('two tabs saving at the same moment lose nothing: both ranges are credited', async () => {
    const { deps, save, lesson } = await entitledMember()
    deps.clock.advance(60_000)
    const both = () => Promise.all([save(10, [[0, 10]]), save(30, [[20, 30]])])
    await both()
    // The tabs share one time budget; each keeps re-sending what it played, so by their next
    // saves everything really watched has counted, in whichever order the row lock served them.
    deps.clock.advance(10_000)
    await both()
    const after = await save(30, [])
    expect(after.watchedPercent).toBe(Math.floor((20 / lesson.durationSeconds) * 100))
  })

  test('many saves of one lesson at once lose nothing (re-read on a changed row, then the row lock)', async () => {
    const { deps, save, lesson } = await entitledMember()
    deps.clock.advance(60_000)
    // Ten tabs, each with its own stretch: most find the row changed after reading it, some more
    // than a few times. Every stretch must be credited, and the stored row must be what the last
    // answer said.
    const stretches = Array.from({ length: 10 }, (_, i) => [i * 2, i * 2 + 2] as [number, number])
    const answers = await Promise.all(stretches.map((range) => save(range[1], [range])))
    const after = await save(20, [])
    expect(after.watchedRanges).toEqual([[0, 20]])
    expect(after.watchedPercent).toBe(Math.floor((20 / lesson.durationSeconds) * 100))
    expect(Math.max(...answers.map((a) => a.watchedRanges.reduce((sum, [from, to]) => sum + to - from, 0)))).toBe(20)
  })

  test('the first save of a lesson makes its row; a save of a lesson that does not exist or is unpublished is refused', async () => {
    const { deps, client, rows } = await entitledMember()
    const other = rows[3]!
    deps.clock.advance(3_000)
    const first = await (await client.api()).lesson.saveProgress({ lessonId: other.id, positionSeconds: 3, playedRanges: [[0, 3]], clientTime: deps.clock.now() })
    expect(first).toMatchObject({ positionSeconds: 3, watchedRanges: [[0, 3]], completed: false })
    await expect(
      (await client.api()).lesson.saveProgress({ lessonId: '00000000-0000-4000-8000-000000000000', positionSeconds: 1, playedRanges: [], clientTime: deps.clock.now() }),
    ).rejects.toMatchObject({ message: 'lesson.notFound' })
    await deps.db.update(lessons).set({ published: false }).where(eq(lessons.id, other.id))
    await expect(
      (await client.api()).lesson.saveProgress({ lessonId: other.id, positionSeconds: 3, playedRanges: [], clientTime: deps.clock.now() }),
    ).rejects.toMatchObject({ message: 'lesson.notFound' })
  })

  test('a save right after a save still checks the entitlement, the lesson and the row as stored now', async () => {
    const { deps, save, lesson, me, course } = await entitledMember()
    deps.clock.advance(10_000)
    expect(await save(10, [[0, 10]])).toMatchObject({ watchedRanges: [[0, 10]] })
    // Another server process (or tab) wrote the row meanwhile: its range is kept.
    await deps.db
      .update(lessonProgress)
      .set({ watchedRanges: [[0, 10], [30, 35]], watchedSeconds: 15 })
      .where(and(eq(lessonProgress.userId, me.id), eq(lessonProgress.lessonId, lesson.id)))
    deps.clock.advance(5_000)
    expect(await save(15, [[0, 15]])).toMatchObject({ positionSeconds: 15, watchedRanges: [[0, 15], [30, 35]] })
    // The lesson's video replaced by a shorter one: the position is capped by the new duration.
    await deps.db.update(lessons).set({ durationSeconds: 12 }).where(eq(lessons.id, lesson.id))
    deps.clock.advance(5_000)
    expect(await save(20, [[0, 20]])).toMatchObject({ positionSeconds: 12 })
    // Access revoked: the very next save is refused.
    await revokeCourseAccess(deps.db, { userId: me.id, courseId: course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null }, deps.clock.now())
    deps.clock.advance(5_000)
    await expect(save(25, [[0, 25]])).rejects.toMatchObject({ message: 'course.locked' })
  })

  test('a save answers what was stored, fractional seconds as the database keeps them, also when it follows a save', async () => {
    const { deps, save, lesson, me } = await entitledMember()
    const stored = async () =>
      (await deps.db.select().from(lessonProgress).where(and(eq(lessonProgress.userId, me.id), eq(lessonProgress.lessonId, lesson.id))))[0]!
    deps.clock.advance(10_000)
    const first = await save(7.123456789, [[0.000123456789, 7.123456789]])
    let row = await stored()
    expect(row.positionSeconds).not.toBe(7.123456789) // a real (float4) keeps about 7 digits
    expect(first).toMatchObject({ positionSeconds: row.positionSeconds, watchedRanges: row.watchedRanges, completed: false })
    expect(first.watchedPercent).toBe(Math.floor((row.watchedSeconds / lesson.durationSeconds) * 100))
    // A late beacon keeps the position: the one remembered from the write, which is the stored one.
    const late = await save(2, [[0.000123456789, 7.123456789]], new Date(deps.clock.now().getTime() - 60_000))
    row = await stored()
    expect(late).toMatchObject({ positionSeconds: row.positionSeconds, watchedRanges: row.watchedRanges })
    deps.clock.advance(3_000)
    const next = await save(9.987654321, [[0.000123456789, 9.987654321]])
    row = await stored()
    expect(next).toMatchObject({ positionSeconds: row.positionSeconds, watchedRanges: row.watchedRanges })
    expect(row.lastClientTime).toEqual(deps.clock.now())
    expect(row.updatedAt).toEqual(deps.clock.now())
  })

  test('text lessons are marked done by hand; video lessons only by watching', async () => {
    const { deps, client, rows } = await entitledMember()
    const text = rows[5]!
    await deps.db.update(lessons).set({ videoKey: null }).where(eq(lessons.id, text.id))
    await expect((await client.api()).lesson.markComplete({ lessonId: rows[2]!.id })).rejects.toMatchObject({ message: 'course.completeByWatching' })
    expect(await (await client.api()).lesson.markComplete({ lessonId: text.id })).toMatchObject({ completed: true })
    expect(await (await client.api()).lesson.markComplete({ lessonId: text.id })).toMatchObject({ completed: true })
  })

  test('the outline shows progress per module and overall, and where to continue', async () => {
    const { deps, client, save, lesson, rows } = await entitledMember()
    deps.clock.advance(lesson.durationSeconds * 1000)
    await save(lesson.durationSeconds, [[0, lesson.durationSeconds]])
    const outline = await (await client.api()).course.outline({ courseSlug: COURSE })
    expect(outline.progress).toEqual({ completed: 1, total: rows.length, percent: Math.floor((1 / rows.length) * 100) })
    const first = outline.modules[0]!
    expect(first.completedCount).toBe(1)
    expect(first.lessons.find((l) => l.id === lesson.id)?.completed).toBe(true)
    // The last lesson touched is done, so "continue" points at the first unfinished one.
    expect(outline.resume?.slug).toBe(rows[0]!.slug)
    deps.clock.advance(10_000)
    await (await client.api()).lesson.saveProgress({ lessonId: rows[4]!.id, positionSeconds: 7, playedRanges: [[0, 7]], clientTime: deps.clock.now() })
    expect((await (await client.api()).course.outline({ courseSlug: COURSE })).resume?.slug).toBe(rows[4]!.slug)
  })

  describe('players saving at the same moment share one statement (group commit)', () => {
    afterEach(() => vi.restoreAllMocks())

    /** Members with a progress row each, and the write each would make next from its row's version. */
    async function players(count: number) {
      const first = await entitledMember()
      const members = [first.me, ...(await Promise.all(Array.from({ length: count - 1 }, () => first.addMember()))).map((m) => m.me)]
      const { deps, lesson, course } = first
      const stored = async (userId: string) =>
        (
          await deps.db
            .select({ watchedRanges: lessonProgress.watchedRanges, version: sql<string>`${lessonProgress}.xmin::text` })
            .from(lessonProgress)
            .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lesson.id)))
        )[0]!
      const nextWrite = async (userId: string, watchedTo: number): Promise<KnownProgressWrite> => ({
        userId,
        lessonId: lesson.id,
        version: (await stored(userId)).version,
        watchedRanges: [[0, watchedTo]],
        watchedSeconds: watchedTo,
        positionSeconds: watchedTo,
        lastClientTime: deps.clock.now().toISOString(),
        completedAt: null,
        updatedAt: deps.clock.now().toISOString(),
        courseId: course.id,
        durationSeconds: lesson.durationSeconds,
        seesEveryCourse: false,
      })
      const statements = vi.spyOn(lessonQueries(deps.db).updateKnownProgress, 'execute')
      statements.mockClear()
      const rowsPerStatement = () => statements.mock.calls.map(([params]) => (JSON.parse(String((params as { rows: string }).rows)) as unknown[]).length)
      return { ...first, members, stored, nextWrite, rowsPerStatement }
    }

    test('the saves that arrive while a statement is on its way go together in the next; each gets its own row back', async () => {
      const { members, stored, nextWrite, rowsPerStatement, deps, lesson } = await players(5)
      const writes = await Promise.all(members.map((m, i) => nextWrite(m.id, i + 1)))
      // The fifth member's row was changed elsewhere (another tab or process) after its version was read.
      await deps.db
        .update(lessonProgress)
        .set({ watchedRanges: [[40, 45]] })
        .where(and(eq(lessonProgress.userId, members[4]!.id), eq(lessonProgress.lessonId, lesson.id)))
      // All in one moment, plus the second member's row a second time.
      const answers = await Promise.all([...writes.map((w) => writeKnownProgress(deps.db, w)), writeKnownProgress(deps.db, { ...writes[1]!, watchedRanges: [[0, 9]] })])
      // The first went alone (nothing was on its way); the others waited for it and went as one.
      expect(rowsPerStatement()).toEqual([1, 4])
      for (const [i, member] of members.slice(0, 4).entries()) {
        const row = await stored(member.id)
        expect(row.watchedRanges).toEqual([[0, i + 1]])
        expect(answers[i]).toEqual({ positionSeconds: i + 1, watchedSeconds: i + 1, version: row.version })
      }
      // The changed row is not written over (its save reads and merges), nor is a row twice in one statement.
      expect(answers[4]).toBeUndefined()
      expect((await stored(members[4]!.id)).watchedRanges).toEqual([[40, 45]])
      expect(answers[5]).toBeUndefined()
    })

    test('a statement that fails is tried again row by row, so only the bad save fails', async () => {
      const { members, stored, nextWrite, rowsPerStatement, deps } = await players(3)
      const writes = await Promise.all(members.map((m, i) => nextWrite(m.id, i + 1)))
      const bad = { ...writes[2]!, durationSeconds: 2 ** 40 } // out of range for the integer column
      const [first, second, third] = await Promise.allSettled([writes[0]!, writes[1]!, bad].map((w) => writeKnownProgress(deps.db, w)))
      expect(rowsPerStatement()).toEqual([1, 2, 1, 1])
      expect(first).toMatchObject({ status: 'fulfilled', value: { positionSeconds: 1 } })
      expect(second).toMatchObject({ status: 'fulfilled', value: { positionSeconds: 2 } })
      expect(third).toMatchObject({ status: 'rejected' })
      expect((await stored(members[1]!.id)).watchedRanges).toEqual([[0, 2]])
      expect((await stored(members[2]!.id)).watchedRanges).toEqual([])
    })

    test('many members saving at once through the API each keep exactly their own progress', async () => {
      const { deps, addMember, save, lesson } = await entitledMember()
      const saves = [save, ...(await Promise.all(Array.from({ length: 5 }, () => addMember()))).map((m) => m.save)]
      deps.clock.advance(30_000)
      const answers = await Promise.all(saves.map((s, i) => s(i + 2, [[0, i + 2]])))
      answers.forEach((answer, i) => expect(answer).toMatchObject({ positionSeconds: i + 2, watchedRanges: [[0, i + 2]] }))
      deps.clock.advance(10_000)
      const again = await Promise.all(saves.map((s, i) => s(i + 12, [[0, i + 12]])))
      again.forEach((answer, i) => expect(answer).toMatchObject({ positionSeconds: i + 12, watchedRanges: [[0, i + 12]] }))
      const stored = await deps.db.select({ watchedRanges: lessonProgress.watchedRanges }).from(lessonProgress).where(eq(lessonProgress.lessonId, lesson.id))
      expect(stored.map((r) => r.watchedRanges[0]![1]).sort((a, b) => a - b)).toEqual([12, 13, 14, 15, 16, 17])
    })
  })
})

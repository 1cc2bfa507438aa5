import { beforeEach, describe, expect, test } from 'vitest'
import { and, asc, auditLog, courseModules, eq, lessons, sql } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { COURSE, seedPremiumCursus } from '../helpers/course.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal, rejectionOf } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

let deps: ReturnType<typeof makeDeps>
let seeded: Awaited<ReturnType<typeof seedPremiumCursus>>
let admin: TestClient
let adminId: string

async function adminClient(d: ReturnType<typeof makeDeps>) {
  const member = await createMember(d, { firstName: 'Admin' })
  const { id } = await makeStaff(d, member)
  return { client: member.client, id }
}

beforeEach(async () => {
  deps = makeDeps(db())
  seeded = await seedPremiumCursus(deps)
  ;({ client: admin, id: adminId } = await adminClient(deps))
})

const api = () => admin.api()
const outline = async (slug = COURSE) => (await new TestClient(deps).api()).course.outline({ courseSlug: slug })
const modulesOf = (courseId: string) => deps.db.select().from(courseModules).where(eq(courseModules.courseId, courseId)).orderBy(asc(courseModules.position))
const auditRows = (action: string) => deps.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.actorUserId, adminId)))

describe('admin content procedures: who may call them', () => {
  test('a member is FORBIDDEN on every admin content procedure, an anonymous caller UNAUTHORIZED; nothing changes', async () => {
    const { client: member } = await createMember(deps)
    const lesson = seeded.lessons[0]!
    const moduleId = lesson.moduleId
    const calls: [string, (a: Awaited<ReturnType<TestClient['api']>>) => Promise<unknown>][] = [
      ['courses.list', (a) => a.admin.courses.list()],
      ['courses.get', (a) => a.admin.courses.get({ courseSlug: COURSE })],
      ['courses.create', (a) => a.admin.courses.create({ slug: 'nieuw', title: 'Nieuw', summary: '', descriptionMarkdown: '' })],
      ['courses.update', (a) => a.admin.courses.update({ courseSlug: COURSE, title: 'Gekaapt' })],
      ['courses.setPublished', (a) => a.admin.courses.setPublished({ courseSlug: COURSE, published: false })],
      ['modules.create', (a) => a.admin.modules.create({ courseSlug: COURSE, slug: 'm', title: 'M', summary: '' })],
      ['modules.update', (a) => a.admin.modules.update({ moduleId, title: 'Gekaapt' })],
      ['modules.delete', (a) => a.admin.modules.delete({ moduleId })],
      ['modules.reorder', (a) => a.admin.modules.reorder({ courseSlug: COURSE, moduleIds: [moduleId] })],
      ['lessons.create', (a) => a.admin.lessons.create({ moduleId, slug: 'l', title: 'L' })],
      ['lessons.update', (a) => a.admin.lessons.update({ lessonId: lesson.id, title: 'Gekaapt' })],
      ['lessons.setPublished', (a) => a.admin.lessons.setPublished({ lessonId: lesson.id, published: false })],
      ['lessons.delete', (a) => a.admin.lessons.delete({ lessonId: lesson.id })],
      ['lessons.reorder', (a) => a.admin.lessons.reorder({ moduleId, lessonIds: [lesson.id] })],
      ['lessons.move', (a) => a.admin.lessons.move({ lessonId: lesson.id, toModuleId: moduleId, position: 0 })],
    ]
    for (const [name, call] of calls) {
      await expect(call(await member.api()), name).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'error.forbidden' })
      await expect(call(await new TestClient(deps).api()), name).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'error.unauthorized' })
    }
    const after = await outline()
    expect(after.course.title).toBe(seeded.course.title)
    expect(after.modules[0]!.lessons[0]!.title).toBe(lesson.title)
    expect(await deps.db.select().from(auditLog).where(sql`${auditLog.action} like 'admin.%'`)).toEqual([])
  })
})

describe('courses', () => {
  test('list and get show unpublished content with storage keys; a new course is invisible until published', async () => {
    const created = await (await api()).admin.courses.create({ slug: 'bots-voor-bakkers', title: 'Bots voor bakkers', summary: 'Kort', descriptionMarkdown: '# Hallo' })
    expect(created).toMatchObject({ slug: 'bots-voor-bakkers', published: false })
    const module = await (await api()).admin.modules.create({ courseSlug: 'bots-voor-bakkers', slug: 'start', title: 'Start', summary: '' })
    const lesson = await (await api()).admin.lessons.create({ moduleId: module.id, slug: 'welkom', title: 'Welkom', bodyMarkdown: 'Tekst', durationSeconds: 90, chapters: [{ startSeconds: 0, title: 'Begin' }, { startSeconds: 30, title: 'Midden' }] })
    expect(lesson).toMatchObject({ published: false, position: 0, durationSeconds: 90, videoKey: null })

    const list = await (await api()).admin.courses.list()
    expect(list.map((c) => c.slug).sort()).toEqual(['bots-voor-bakkers', COURSE])
    expect(list.find((c) => c.slug === 'bots-voor-bakkers')).toMatchObject({ published: false, moduleCount: 1, lessonCount: 1, publishedLessonCount: 0 })
    expect(list.find((c) => c.slug === COURSE)).toMatchObject({ published: true, moduleCount: 7, lessonCount: seeded.lessons.length, publishedLessonCount: seeded.lessons.length })

    const tree = await (await api()).admin.courses.get({ courseSlug: COURSE })
    expect(tree.modules).toHaveLength(7)
    expect(tree.modules.flatMap((m) => m.lessons)).toHaveLength(seeded.lessons.length)
    expect(tree.modules[0]!.lessons[0]!.videoKey).toMatch(/^courses\/premium-cursus\/videos\/.+\.mp4$/)

    // Members see it only once the course and a lesson are published (the public list is cached too).
    const publicApi = await new TestClient(deps).api()
    expect((await publicApi.course.list()).map((c) => c.slug)).toEqual([COURSE])
    await expectRefusal(publicApi.course.outline({ courseSlug: 'bots-voor-bakkers' }), 'NOT_FOUND', 'course.notFound')
    await (await api()).admin.courses.setPublished({ courseSlug: 'bots-voor-bakkers', published: true })
    expect((await outline('bots-voor-bakkers')).modules).toEqual([]) // empty modules are skipped
    await (await api()).admin.lessons.setPublished({ lessonId: lesson.id, published: true })
    expect((await outline('bots-voor-bakkers')).modules[0]!.lessons.map((l) => l.slug)).toEqual(['welkom'])
    expect((await publicApi.course.list()).map((c) => c.slug).sort()).toEqual(['bots-voor-bakkers', COURSE])

    await (await api()).admin.courses.setPublished({ courseSlug: 'bots-voor-bakkers', published: false })
    await expectRefusal(publicApi.course.outline({ courseSlug: 'bots-voor-bakkers' }), 'NOT_FOUND', 'course.notFound')
    expect(await auditRows('admin.course_created')).toHaveLength(1)
    expect(await auditRows('admin.course_published')).toHaveLength(1)
    expect(await auditRows('admin.course_unpublished')).toHaveLength(1)
  })

  test('update changes what the (already cached) outline shows, including a new slug', async () => {
    expect((await outline()).course.title).toBe(seeded.course.title) // fills the cache
    await (await api()).admin.courses.update({ courseSlug: COURSE, title: 'Premium Cursus 2.0', summary: 'Nieuw' })
    expect((await outline()).course).toMatchObject({ title: 'Premium Cursus 2.0', summary: 'Nieuw' })

    await (await api()).admin.courses.update({ courseSlug: COURSE, slug: 'premium' })
    await expectRefusal((await new TestClient(deps).api()).course.outline({ courseSlug: COURSE }), 'NOT_FOUND', 'course.notFound')
    expect((await outline('premium')).course.title).toBe('Premium Cursus 2.0')
    const updates = await auditRows('admin.course_updated')
    expect(updates.map((r) => r.details)).toEqual(
      expect.arrayContaining([expect.objectContaining({ fields: ['title', 'summary'] }), expect.objectContaining({ fields: ['slug'], previousSlug: COURSE, slug: 'premium' })]),
    )
  })

  test('a taken slug is CONFLICT admin.slugTaken, and nothing (no audit row either) is written', async () => {
    const create = { slug: COURSE, title: 'Dubbel', summary: '', descriptionMarkdown: '' }
    await expectRefusal((await api()).admin.courses.create(create), 'CONFLICT', 'admin.slugTaken')
    await (await api()).admin.courses.create({ ...create, slug: 'tweede' })
    await expectRefusal((await api()).admin.courses.update({ courseSlug: 'tweede', slug: COURSE }), 'CONFLICT', 'admin.slugTaken')
    expect(await auditRows('admin.course_created')).toHaveLength(1)
    expect(await auditRows('admin.course_updated')).toHaveLength(0)

    // Module and lesson slugs are unique per course (lessons across all its modules), not globally.
    const [first, second] = await modulesOf(seeded.course.id)
    await expectRefusal((await api()).admin.modules.create({ courseSlug: COURSE, slug: first!.slug, title: 'X', summary: '' }), 'CONFLICT', 'admin.slugTaken')
    await expectRefusal((await api()).admin.modules.update({ moduleId: second!.id, slug: first!.slug }), 'CONFLICT', 'admin.slugTaken')
    const otherModule = await (await api()).admin.modules.create({ courseSlug: 'tweede', slug: first!.slug, title: 'Zelfde slug, andere cursus', summary: '' })
    const existingLesson = seeded.lessons[0]!
    await expectRefusal((await api()).admin.lessons.create({ moduleId: second!.id, slug: existingLesson.slug, title: 'X' }), 'CONFLICT', 'admin.slugTaken')
    await expectRefusal((await api()).admin.lessons.update({ lessonId: seeded.lessons[5]!.id, slug: existingLesson.slug }), 'CONFLICT', 'admin.slugTaken')
    await (await api()).admin.lessons.create({ moduleId: otherModule.id, slug: existingLesson.slug, title: 'Mag wel' })
    expect(await auditRows('admin.lesson_updated')).toHaveLength(0)
  })

  test('input limits: slug format, title and markdown length, unknown fields', async () => {
    const base = { slug: 'goed', title: 'Titel', summary: '', descriptionMarkdown: '' }
    const refused = async (input: Record<string, unknown>) => {
      const error = await rejectionOf((await api()).admin.courses.create(input as typeof base))
      expect(error).toMatchObject({ code: 'BAD_REQUEST' })
    }
    await refused({ ...base, slug: 'Niet Goed' })
    await refused({ ...base, slug: 'dubbel--streepje' })
    await refused({ ...base, slug: 'a'.repeat(121) })
    await refused({ ...base, title: 'x'.repeat(201) })
    await refused({ ...base, descriptionMarkdown: 'x'.repeat(50_001) })
    await refused({ ...base, published: true })
    await (await api()).admin.courses.create({ ...base, slug: 'a'.repeat(120), title: 'x'.repeat(200), descriptionMarkdown: 'x'.repeat(50_000) })
  })
})

describe('modules', () => {
  test('create, rename and reorder change the outline; reorder must name exactly the course’s modules', async () => {
    const before = await outline()
    const ids = (await modulesOf(seeded.course.id)).map((m) => m.id)
    const reversed = [...ids].reverse()
    await (await api()).admin.modules.reorder({ courseSlug: COURSE, moduleIds: reversed })
    expect((await outline()).modules.map((m) => m.id)).toEqual(reversed)
    expect((await modulesOf(seeded.course.id)).map((m) => m.position)).toEqual(ids.map((_, i) => i))

    const other = await (await api()).admin.courses.create({ slug: 'ander', title: 'Ander', summary: '', descriptionMarkdown: '' })
    const foreign = await (await api()).admin.modules.create({ courseSlug: other.slug, slug: 'vreemd', title: 'Vreemd', summary: '' })
    for (const moduleIds of [
      ids.slice(1), // one missing
      [...ids.slice(1), foreign.id], // a foreign one instead
      [...ids, foreign.id], // one too many
      [...ids.slice(1), ids[1]!], // a duplicate
      [...ids.slice(1), '00000000-0000-4000-8000-000000000000'], // an unknown id
    ]) {
      await expectRefusal((await api()).admin.modules.reorder({ courseSlug: COURSE, moduleIds }), 'BAD_REQUEST', 'admin.reorderMismatch')
    }
    expect((await outline()).modules.map((m) => m.id)).toEqual(reversed)

    await (await api()).admin.modules.update({ moduleId: ids[0]!, title: 'Nieuwe titel' })
    expect((await outline()).modules.find((m) => m.id === ids[0])!.title).toBe('Nieuwe titel')
    expect(before.modules.find((m) => m.id === ids[0])!.title).not.toBe('Nieuwe titel')
    expect(await auditRows('admin.modules_reordered')).toHaveLength(1)
    expect(await auditRows('admin.module_updated')).toHaveLength(1)
  })

  test('only an empty module can be deleted', async () => {
    const [first] = await modulesOf(seeded.course.id)
    await expectRefusal((await api()).admin.modules.delete({ moduleId: first!.id }), 'CONFLICT', 'admin.moduleNotEmpty')
    const empty = await (await api()).admin.modules.create({ courseSlug: COURSE, slug: 'leeg', title: 'Leeg', summary: '' })
    expect(empty.position).toBe(7)
    await (await api()).admin.modules.delete({ moduleId: empty.id })
    expect(await modulesOf(seeded.course.id)).toHaveLength(7)
    await expectRefusal((await api()).admin.modules.delete({ moduleId: empty.id }), 'NOT_FOUND', 'admin.moduleNotFound')
    expect(await auditRows('admin.module_deleted')).toHaveLength(1)
  })
})

describe('lessons', () => {
  const lessonsIn = (moduleId: string) => deps.db.select().from(lessons).where(eq(lessons.moduleId, moduleId)).orderBy(asc(lessons.position))

  test('create, update, publish, reorder and move show up in the cached outline at once', async () => {
    const [first, second] = await modulesOf(seeded.course.id)
    const outlineLessons = async (moduleId: string) => (await outline()).modules.find((m) => m.id === moduleId)!.lessons.map((l) => l.slug)
    const initial = await outlineLessons(first!.id) // cache filled

    const created = await (await api()).admin.lessons.create({ moduleId: first!.id, slug: 'extra-les', title: 'Extra les', freePreview: true })
    expect(await outlineLessons(first!.id)).toEqual(initial) // unpublished: not shown
    await (await api()).admin.lessons.setPublished({ lessonId: created.id, published: true })
    expect(await outlineLessons(first!.id)).toEqual([...initial, 'extra-les'])

    await (await api()).admin.lessons.update({ lessonId: created.id, title: 'Extra les (nieuw)', durationSeconds: 120, chapters: [{ startSeconds: 0, title: 'Start' }] })
    const shown = (await outline()).modules[0]!.lessons.find((l) => l.id === created.id)!
    expect(shown).toMatchObject({ title: 'Extra les (nieuw)', durationSeconds: 120, freePreview: true, locked: false })

    const ids = (await lessonsIn(first!.id)).map((l) => l.id)
    const reordered = [created.id, ...ids.filter((id) => id !== created.id)]
    await (await api()).admin.lessons.reorder({ moduleId: first!.id, lessonIds: reordered })
    expect(await outlineLessons(first!.id)).toEqual(['extra-les', ...initial])
    const foreignLesson = (await lessonsIn(second!.id))[0]!.id
    for (const lessonIds of [reordered.slice(1), [...reordered.slice(1), foreignLesson], [...reordered, reordered[0]!]]) {
      await expectRefusal((await api()).admin.lessons.reorder({ moduleId: first!.id, lessonIds }), 'BAD_REQUEST', 'admin.reorderMismatch')
    }

    await (await api()).admin.lessons.move({ lessonId: created.id, toModuleId: second!.id, position: 1 })
    expect(await outlineLessons(first!.id)).toEqual(initial)
    expect((await outlineLessons(second!.id))[1]).toBe('extra-les')
    expect((await lessonsIn(second!.id)).map((l) => l.position)).toEqual((await lessonsIn(second!.id)).map((_, i) => i))
    expect((await lessonsIn(first!.id)).map((l) => l.position)).toEqual(initial.map((_, i) => i))

    // A module of another course is no target.
    const other = await (await api()).admin.courses.create({ slug: 'ander', title: 'Ander', summary: '', descriptionMarkdown: '' })
    const foreignModule = await (await api()).admin.modules.create({ courseSlug: other.slug, slug: 'm', title: 'M', summary: '' })
    await expectRefusal((await api()).admin.lessons.move({ lessonId: created.id, toModuleId: foreignModule.id, position: 0 }), 'NOT_FOUND', 'admin.moduleNotFound')

    await (await api()).admin.lessons.setPublished({ lessonId: created.id, published: false })
    expect(await outlineLessons(second!.id)).not.toContain('extra-les')
    for (const action of ['admin.lesson_created', 'admin.lesson_published', 'admin.lesson_updated', 'admin.lessons_reordered', 'admin.lesson_moved', 'admin.lesson_unpublished']) {
      expect(await auditRows(action), action).toHaveLength(1)
    }
  })

  test('chapters: sorted, at most 50, each before the end of the lesson', async () => {
    const lesson = seeded.lessons[0]! // 40 s
    const update = async (input: Record<string, unknown>) => (await api()).admin.lessons.update({ lessonId: lesson.id, ...input })
    const unsorted = await rejectionOf(update({ chapters: [{ startSeconds: 10, title: 'B' }, { startSeconds: 5, title: 'A' }] }))
    // Through the caller the zod error is the cause; over HTTP it becomes error.invalidInput + fieldErrors.
    expect(unsorted).toMatchObject({ code: 'BAD_REQUEST', cause: { issues: [expect.objectContaining({ path: ['chapters'], message: 'validation.chaptersUnsorted' })] } })
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ startSeconds: i / 2, title: `H${i}` }))
    await expect(update({ chapters: tooMany })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { issues: [expect.objectContaining({ path: ['chapters'], message: 'validation.tooLong' })] } })
    await expectRefusal(update({ chapters: [{ startSeconds: 0, title: 'A' }, { startSeconds: 40, title: 'Te laat' }] }), 'BAD_REQUEST', 'admin.chapterAfterEnd')
    // Shortening the lesson below an existing chapter is refused as well.
    await update({ chapters: [{ startSeconds: 0, title: 'A' }, { startSeconds: 39, title: 'Net op tijd' }] })
    await expectRefusal(update({ durationSeconds: 30 }), 'BAD_REQUEST', 'admin.chapterAfterEnd')
    await update({ durationSeconds: 60, chapters: [{ startSeconds: 0, title: 'A' }, { startSeconds: 55, title: 'B' }] })
    const [row] = await deps.db.select().from(lessons).where(eq(lessons.id, lesson.id))
    expect(row).toMatchObject({ durationSeconds: 60, chapters: [{ startSeconds: 0, title: 'A' }, { startSeconds: 55, title: 'B' }] })
    // A new lesson without a duration has no room for chapters.
    await expectRefusal(
      (await api()).admin.lessons.create({ moduleId: lesson.moduleId, slug: 'nieuw', title: 'Nieuw', chapters: [{ startSeconds: 0, title: 'A' }] }),
      'BAD_REQUEST',
      'admin.chapterAfterEnd',
    )
  })

  test('a published lesson must be unpublished before it can be deleted', async () => {
    const lesson = seeded.lessons[3]!
    await expectRefusal((await api()).admin.lessons.delete({ lessonId: lesson.id }), 'CONFLICT', 'admin.lessonPublished')
    expect((await outline()).modules.flatMap((m) => m.lessons).map((l) => l.id)).toContain(lesson.id)
    await (await api()).admin.lessons.setPublished({ lessonId: lesson.id, published: false })
    await (await api()).admin.lessons.delete({ lessonId: lesson.id })
    expect((await outline()).modules.flatMap((m) => m.lessons).map((l) => l.id)).not.toContain(lesson.id)
    await expectRefusal((await api()).admin.lessons.delete({ lessonId: lesson.id }), 'NOT_FOUND', 'lesson.notFound')
    const [audit] = await auditRows('admin.lesson_deleted')
    expect(audit!.details).toMatchObject({ lessonId: lesson.id, slug: lesson.slug, videoKey: lesson.videoKey })
  })
})

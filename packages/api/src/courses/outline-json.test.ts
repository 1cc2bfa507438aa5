import type { UserRow } from '@jouwbot/auth'
import superjson from 'superjson'
import { describe, expect, test } from 'vitest'
import type { AppDeps } from '../deps.ts'
import { CourseStructureCache, type CourseStructure } from './course-structure.ts'
import { courseOutline, type ViewerCourseState } from './get-course-outline.ts'
import { ViewerCourseCache } from './viewer-cache.ts'

/** Strings JSON.stringify escapes, or that could end a template piece early. */
const tricky = ['quote " and \\ backslash', 'nieuwe\nregel\ttab', 'emoji 🤖 en é', '</script><!--', '\u2028\u2029', '"},{"id":"x"']

function structure(extra: Record<string, unknown> = {}): CourseStructure {
  let n = 0
  const lesson = (freePreview: boolean) => {
    n += 1
    return { id: `l${n}`, slug: `les-${n}`, title: tricky[n % tricky.length]!, summary: `samenvatting ${n}`, durationSeconds: 60 * n, hasVideo: n % 3 !== 0, freePreview }
  }
  const modules = [
    { id: 'm1', slug: 'een', title: 'Module "één"', summary: tricky[0]!, lessons: [lesson(true), lesson(true), lesson(false)] },
    { id: 'm2', slug: 'twee', title: 'Module twee', summary: '', lessons: [lesson(false), lesson(false)] },
    { id: 'm3', slug: 'drie', title: tricky[3]!, summary: tricky[4]!, lessons: [lesson(false)] },
  ]
  return {
    id: 'c1',
    slug: 'cursus',
    title: tricky[5]!,
    summary: tricky[2]!,
    descriptionMarkdown: tricky.join('\n\n'),
    lessonCount: 6,
    durationSeconds: modules.flatMap((m) => m.lessons).reduce((s, l) => s + l.durationSeconds, 0),
    modules,
    ...extra,
  }
}

/** Just enough AppDeps for courseOutline: both caches, filled by hand. */
function depsWith(course: CourseStructure, states: Map<string, ViewerCourseState>): AppDeps {
  const courses = new CourseStructureCache()
  courses.get = async () => course
  const viewerCourses = new ViewerCourseCache<ViewerCourseState>()
  viewerCourses.get = async (userId) => states.get(userId)!
  return { courses, viewerCourses, db: {} } as unknown as AppDeps
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute))
const viewer = (id: string) => ({ id }) as UserRow

const states = new Map<string, ViewerCourseState>([
  ['nobody', { hasAccess: false, progressRows: [], tag: 'a' }],
  ['buyer', { hasAccess: true, progressRows: [], tag: 'b' }],
  [
    'busy',
    {
      hasAccess: true,
      tag: 'c',
      progressRows: [
        { lessonId: 'l1', completedAt: at(1), updatedAt: at(1) },
        { lessonId: 'l4', completedAt: null, updatedAt: at(5) },
        { lessonId: 'l3', completedAt: at(3), updatedAt: at(3) },
        // A lesson no longer published still counts in the progress bar, as before.
        { lessonId: 'gone', completedAt: at(2), updatedAt: at(2) },
      ],
    },
  ],
  [
    'finished-last',
    {
      hasAccess: false,
      tag: 'd',
      progressRows: [
        { lessonId: 'l2', completedAt: at(4), updatedAt: at(4) },
        { lessonId: 'l1', completedAt: null, updatedAt: at(1) },
      ],
    },
  ],
])

describe('the outline JSON template', () => {
  for (const [name, shape] of [
    ['plain structure', structure()],
    // Anything superjson annotates (a Date here) falls back to superjson itself.
    ['structure with a Date', structure({ publishedAt: at(0) })],
  ] as const) {
    test(`writes exactly superjson's output (${name})`, async () => {
      const deps = depsWith(shape, states)
      for (const who of [null, ...states.keys()]) {
        const outline = await courseOutline(deps, 'cursus', who ? viewer(who) : null)
        const value = outline.value()
        expect(outline.json().toString('utf8'), String(who)).toBe(JSON.stringify(superjson.serialize(value)))
        // Twice: the second answer comes from what was kept with the state.
        expect(outline.json().toString('utf8'), String(who)).toBe(JSON.stringify(superjson.serialize(value)))
      }
    })
  }

  test('the facts the course pages need', async () => {
    const deps = depsWith(structure(), states)
    const busy = (await courseOutline(deps, 'cursus', viewer('busy'))).value()
    expect(busy.progress).toEqual({ completed: 3, total: 6, percent: 50 })
    expect(busy.resume?.slug).toBe('les-4')
    expect(busy.modules.map((m) => [m.completedCount, m.percent])).toEqual([[2, 66], [0, 0], [0, 0]])
    const finished = (await courseOutline(deps, 'cursus', viewer('finished-last'))).value()
    // The last lesson touched is done: resume at the first open, unlocked one that is not.
    expect(finished.resume?.slug).toBe('les-1')
    expect(finished.modules.flatMap((m) => m.lessons).map((l) => l.locked)).toEqual([false, false, true, true, true, true])
    expect((await courseOutline(deps, 'cursus', null)).value().resume).toBeNull()
  })

  test('the ETag names the structure and the viewer state, and changes with either', async () => {
    const deps = depsWith(structure(), states)
    const tags = await Promise.all([null, ...states.keys()].map(async (who) => (await courseOutline(deps, 'cursus', who ? viewer(who) : null)).etag))
    expect(new Set(tags).size).toBe(tags.length)
    const edited = structure()
    edited.modules[1]!.lessons[0]!.title = 'Nieuwe titel'
    expect((await courseOutline(depsWith(edited, states), 'cursus', viewer('buyer'))).etag).not.toBe(tags[2])
    expect((await courseOutline(depsWith(structure(), states), 'cursus', viewer('buyer'))).etag).toBe(tags[2])
    // Also when superjson serialises the structure itself (no template).
    const dated = async (minute: number) => (await courseOutline(depsWith(structure({ publishedAt: at(minute) }), states), 'cursus', viewer('buyer'))).etag
    expect(await dated(1)).not.toBe(await dated(2))
  })
})

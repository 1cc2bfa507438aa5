import { createHash } from 'node:crypto'
import superjson from 'superjson'
import type { CourseStructure, StructureLesson } from './course-structure.ts'

/** Everything in the outline that depends on the viewer, computed once per request. */
export interface ViewerFacts {
  hasAccess: boolean
  /** The viewer may not open this lesson. */
  locked: (lesson: StructureLesson) => boolean
  /** Ids of the lessons the viewer has completed. */
  completed: Set<string>
  /** Completed rows of the viewer in this course (the progress bar). */
  completedTotal: number
  resume: StructureLesson | null
}

export interface OutlineJson {
  /** A hash of the whole structure (and of this format): the structure half of the outline's ETag. */
  tag: string
  /**
   * The UTF-8 bytes of `JSON.stringify(superjson.serialize(outline))` for these facts; `null` when
   * the structure holds anything superjson would annotate (the caller then serialises the object).
   */
  render: ((facts: ViewerFacts) => Buffer) | null
}

/** Bump when the outline's shape changes, so no browser revalidates an old body against a new one. */
const FORMAT = 'outline-json-1'

const bytes = (text: string) => Buffer.from(text, 'utf8')
const COMMA = bytes(',')
const TRUE = bytes('true')
const FALSE = bytes('false')
const NULL = bytes('null')
const CLOSE = bytes('}}')
/** `,"locked":…,"completed":…}` for the four combinations, indexed by locked * 2 + completed. */
const LESSON_TAILS = [0, 1, 2, 3].map((i) => bytes(`,"locked":${i >= 2},"completed":${i % 2 === 1}}`))

const templates = new WeakMap<CourseStructure, OutlineJson>()

/**
 * The outline's JSON as a template made once per cached structure: every title, summary and id
 * is encoded once, and a request only fills in its booleans and counts and copies ~15 kB. Tied to
 * the structure object, so it is rebuilt exactly when the structure cache reloads.
 */
export function outlineJson(structure: CourseStructure): OutlineJson {
  let template = templates.get(structure)
  if (template === undefined) {
    const serialized = superjson.serialize(structure)
    const tag = createHash('sha256').update(FORMAT).update(JSON.stringify(serialized)).digest('base64url').slice(0, 22)
    // Plain JSON values only: then superjson's output is `{"json": value}` without meta, and
    // JSON.stringify writes every piece exactly as it writes them inside the whole.
    template = { tag, render: serialized.meta === undefined ? renderer(structure) : null }
    templates.set(structure, template)
  }
  return template
}

function renderer(structure: CourseStructure): OutlineJson['render'] {
  // The spreads in buildOutline put `lessons` where the module had it and add the viewer's keys last.
  for (const module of structure.modules) {
    const keys = Object.keys(module)
    if (keys.at(-1) !== 'lessons' || keys.includes('completedCount') || keys.includes('percent')) return null
    if (module.lessons.some((lesson) => 'locked' in lesson || 'completed' in lesson)) return null
  }
  const { modules, ...course } = structure
  const open = bytes(`{"json":{"course":${JSON.stringify(course)},"hasAccess":`)
  const modulesOpen = bytes(',"modules":[')
  const parts = modules.map((module) => {
    const { lessons, ...fields } = module
    const head = JSON.stringify(fields)
    return {
      head: bytes(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"lessons":[`),
      lessons: lessons.map((lesson) => ({ lesson, head: bytes(JSON.stringify(lesson).slice(0, -1)) })),
    }
  })
  const resumes = new Map(modules.flatMap((m) => m.lessons).map((l) => [l.id, bytes(JSON.stringify({ slug: l.slug, title: l.title }))]))

  return (facts) => {
    const out: Buffer[] = [open, facts.hasAccess ? TRUE : FALSE, modulesOpen]
    parts.forEach((part, i) => {
      if (i > 0) out.push(COMMA)
      out.push(part.head)
      let done = 0
      part.lessons.forEach(({ lesson, head }, j) => {
        if (j > 0) out.push(COMMA)
        const completed = facts.completed.has(lesson.id)
        if (completed) done++
        out.push(head, LESSON_TAILS[(facts.locked(lesson) ? 2 : 0) + (completed ? 1 : 0)]!)
      })
      out.push(bytes(`],"completedCount":${done},"percent":${percentOf(done, part.lessons.length)}}`))
    })
    const total = structure.lessonCount
    out.push(bytes(`],"progress":{"completed":${facts.completedTotal},"total":${total},"percent":${percentOf(facts.completedTotal, total)}},"resume":`))
    out.push((facts.resume && resumes.get(facts.resume.id)) ?? NULL, CLOSE)
    return Buffer.concat(out)
  }
}

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part / whole) * 100)
}

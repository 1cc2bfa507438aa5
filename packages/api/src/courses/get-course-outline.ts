import { createHash } from 'node:crypto'
import type { UserRow } from '@jouwbot/auth'
import { and, eq, lessonProgress } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import superjson from 'superjson'
import type { Preparable } from '../prepared.ts'
import type { AppDeps } from '../deps.ts'
import { hasCourseAccess } from './access.ts'
import type { CourseStructure, StructureLesson } from './course-structure.ts'
import { outlineJson, percentOf, type OutlineJson, type ViewerFacts } from './outline-json.ts'

export type CourseOutline = ReturnType<typeof buildOutline>

/**
 * The outline as a `Preparable`: both caches (structure, viewer state) are read once; `value()`
 * builds the object, `json()` writes its superjson form straight from a per-structure template,
 * and `etag` names exactly the inputs of both — the structure's template and this viewer's state —
 * so it is known before any byte is written and changes whenever either cache is invalidated
 * and reloaded with different data.
 */
export async function courseOutline(deps: AppDeps, slug: string, viewer: UserRow | null): Promise<Preparable<CourseOutline>> {
  const structure = await deps.courses.get(deps.db, slug)
  if (!structure) throw new AppError('NOT_FOUND', 'course.notFound')
  const state = viewer
    ? await deps.viewerCourses.get(viewer.id, structure.id, () => loadViewerState(deps, viewer, structure.id))
    : ANONYMOUS_STATE
  const template = outlineJson(structure)
  const facts = () => viewerFacts(structure, state, viewer !== null)
  return {
    etag: `"${template.tag}.${state.tag}"`,
    value: () => buildOutline(structure, facts()),
    json: () => renderedFor(template, state, facts) ?? Buffer.from(JSON.stringify(superjson.serialize(buildOutline(structure, facts())))),
  }
}

/**
 * The rendered outline, kept with the viewer state it was made from: the state object lives in
 * the viewer cache and is replaced whenever that viewer's data is invalidated or expires, the
 * template whenever the structure is — so a kept body is never older than those two caches.
 */
const rendered = new WeakMap<ViewerCourseState | OutlineJson, { template: OutlineJson; body: Buffer }>()

function renderedFor(template: OutlineJson, state: ViewerCourseState, facts: () => ViewerFacts): Buffer | null {
  if (!template.render) return null
  // The anonymous state is shared by every course: anonymous bodies are kept with the template.
  const key = state === ANONYMOUS_STATE ? template : state
  const kept = rendered.get(key)
  if (kept?.template === template) return kept.body
  const body = template.render(facts())
  rendered.set(key, { template, body })
  return body
}

function viewerFacts(structure: CourseStructure, state: ViewerCourseState, loggedIn: boolean): ViewerFacts {
  const { hasAccess, progressRows } = state
  const progress = new Map(progressRows.map((row) => [row.lessonId, row]))
  const isCompleted = (lesson: StructureLesson) => progress.get(lesson.id)?.completedAt != null
  const locked = (lesson: StructureLesson) => !hasAccess && !lesson.freePreview
  const lastTouched = progressRows.reduce<(typeof progressRows)[number] | undefined>(
    (latest, row) => (!latest || row.updatedAt > latest.updatedAt ? row : latest),
    undefined,
  )
  const all = structure.modules.flatMap((m) => m.lessons)
  const resumeLesson =
    (lastTouched && !progress.get(lastTouched.lessonId)?.completedAt ? all.find((l) => l.id === lastTouched.lessonId) : undefined) ??
    all.find((l) => !isCompleted(l) && !locked(l))
  return {
    hasAccess,
    locked,
    completed: new Set(all.filter(isCompleted).map((l) => l.id)),
    // Counted over the viewer's rows, as the progress bar always has been.
    completedTotal: progressRows.filter((row) => row.completedAt !== null).length,
    resume: loggedIn && resumeLesson ? resumeLesson : null,
  }
}

function buildOutline(structure: CourseStructure, facts: ViewerFacts) {
  const modules = structure.modules.map((module) => {
    const moduleLessons = module.lessons.map((lesson) => ({
      ...lesson,
      locked: facts.locked(lesson),
      completed: facts.completed.has(lesson.id),
    }))
    const completed = moduleLessons.filter((l) => l.completed).length
    return { ...module, lessons: moduleLessons, completedCount: completed, percent: percentOf(completed, moduleLessons.length) }
  })
  const { modules: _modules, ...course } = structure
  return {
    course,
    hasAccess: facts.hasAccess,
    modules,
    progress: { completed: facts.completedTotal, total: structure.lessonCount, percent: percentOf(facts.completedTotal, structure.lessonCount) },
    resume: facts.resume ? { slug: facts.resume.slug, title: facts.resume.title } : null,
  }
}

export interface ViewerCourseState {
  hasAccess: boolean
  progressRows: { lessonId: string; completedAt: Date | null; updatedAt: Date }[]
  /** Names this viewer and this state (a hash): part of the outline's ETag. */
  tag: string
}

const ANONYMOUS_STATE: ViewerCourseState = { hasAccess: false, progressRows: [], tag: 'anon' }

async function loadViewerState(deps: AppDeps, viewer: UserRow, courseId: string): Promise<ViewerCourseState> {
  const [hasAccess, progressRows] = await Promise.all([
    hasCourseAccess(deps.db, viewer, courseId),
    deps.db
      .select({ lessonId: lessonProgress.lessonId, completedAt: lessonProgress.completedAt, updatedAt: lessonProgress.updatedAt })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, viewer.id), eq(lessonProgress.courseId, courseId))),
  ])
  const tag = createHash('sha256')
    .update(JSON.stringify([viewer.id, hasAccess, progressRows.map((r) => [r.lessonId, r.completedAt?.getTime() ?? null, r.updatedAt.getTime()])]))
    .digest('base64url')
    .slice(0, 22)
  return { hasAccess, progressRows, tag }
}

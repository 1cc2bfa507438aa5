import type { UserRow } from '@jouwbot/auth'
import { and, eq, lessonProgress } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { hasCourseAccess } from './access.ts'

/** Published courses for the catalogue (from the cached structures). */
export async function listCourses(deps: AppDeps) {
  const slugs = await deps.courses.publishedSlugs(deps.db)
  const structures = await Promise.all(slugs.map((slug) => deps.courses.get(deps.db, slug)))
  return structures
    .filter((s) => s !== null)
    .map(({ id, slug, title, summary, lessonCount, durationSeconds }) => ({ id, slug, title, summary, lessonCount, durationSeconds }))
}

/**
 * The course outline everybody may see, plus what this viewer may open and has finished.
 * The structure comes from the cache; the per-viewer part is two indexed lookups.
 */
export async function getCourseOutline(deps: AppDeps, slug: string, viewer: UserRow | null) {
  const structure = await deps.courses.get(deps.db, slug)
  if (!structure) throw new AppError('NOT_FOUND', 'course.notFound')
  const { hasAccess, progressRows } = viewer
    ? await deps.viewerCourses.get(viewer.id, structure.id, () => loadViewerState(deps, viewer, structure.id))
    : { hasAccess: false, progressRows: [] }
  const progress = new Map(progressRows.map((row) => [row.lessonId, row]))
  const modules = structure.modules.map((module) => {
    const moduleLessons = module.lessons.map((lesson) => ({
      ...lesson,
      locked: !hasAccess && !lesson.freePreview,
      completed: progress.get(lesson.id)?.completedAt != null,
    }))
    const completed = moduleLessons.filter((l) => l.completed).length
    return { ...module, lessons: moduleLessons, completedCount: completed, percent: percentOf(completed, moduleLessons.length) }
  })
  const completed = progressRows.filter((row) => row.completedAt !== null).length
  const lastTouched = progressRows.reduce<(typeof progressRows)[number] | undefined>(
    (latest, row) => (!latest || row.updatedAt > latest.updatedAt ? row : latest),
    undefined,
  )
  const all = modules.flatMap((m) => m.lessons)
  const resumeLesson =
    (lastTouched && !progress.get(lastTouched.lessonId)?.completedAt ? all.find((l) => l.id === lastTouched.lessonId) : undefined) ??
    all.find((l) => !l.completed && !l.locked)
  const { modules: _modules, ...course } = structure
  return {
    course,
    hasAccess,
    modules,
    progress: { completed, total: structure.lessonCount, percent: percentOf(completed, structure.lessonCount) },
    resume: viewer && resumeLesson ? { slug: resumeLesson.slug, title: resumeLesson.title } : null,
  }
}

export interface ViewerCourseState {
  hasAccess: boolean
  progressRows: { lessonId: string; completedAt: Date | null; updatedAt: Date }[]
}

async function loadViewerState(deps: AppDeps, viewer: UserRow, courseId: string): Promise<ViewerCourseState> {
  const [hasAccess, progressRows] = await Promise.all([
    hasCourseAccess(deps.db, viewer, courseId),
    deps.db
      .select({ lessonId: lessonProgress.lessonId, completedAt: lessonProgress.completedAt, updatedAt: lessonProgress.updatedAt })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, viewer.id), eq(lessonProgress.courseId, courseId))),
  ])
  return { hasAccess, progressRows }
}

function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part / whole) * 100)
}

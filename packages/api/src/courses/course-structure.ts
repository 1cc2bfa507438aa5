import { and, asc, courseModules, courses, eq, lessons, type DbOrTx } from '@jouwbot/db'

export interface StructureLesson {
  id: string
  slug: string
  title: string
  summary: string
  durationSeconds: number
  hasVideo: boolean
  freePreview: boolean
}
export interface StructureModule {
  id: string
  slug: string
  title: string
  summary: string
  lessons: StructureLesson[]
}
export interface CourseStructure {
  id: string
  slug: string
  title: string
  summary: string
  descriptionMarkdown: string
  lessonCount: number
  durationSeconds: number
  modules: StructureModule[]
}

/** The published shape of a course: the same for every viewer, so it is cached. */
export async function loadCourseStructure(db: DbOrTx, slug: string): Promise<CourseStructure | null> {
  const [course] = await db.select().from(courses).where(and(eq(courses.slug, slug), eq(courses.published, true))).limit(1)
  if (!course) return null
  const [moduleRows, lessonRows] = await Promise.all([
    db.select().from(courseModules).where(eq(courseModules.courseId, course.id)).orderBy(asc(courseModules.position)),
    db
      .select({
        id: lessons.id,
        moduleId: lessons.moduleId,
        slug: lessons.slug,
        title: lessons.title,
        summary: lessons.summary,
        durationSeconds: lessons.durationSeconds,
        videoKey: lessons.videoKey,
        freePreview: lessons.freePreview,
      })
      .from(lessons)
      .where(and(eq(lessons.courseId, course.id), eq(lessons.published, true)))
      .orderBy(asc(lessons.position)),
  ])
  const modules = moduleRows.map((m) => ({
    id: m.id,
    slug: m.slug,
    title: m.title,
    summary: m.summary,
    lessons: lessonRows
      .filter((l) => l.moduleId === m.id)
      .map((l) => ({
        id: l.id,
        slug: l.slug,
        title: l.title,
        summary: l.summary,
        durationSeconds: l.durationSeconds,
        hasVideo: l.videoKey !== null,
        freePreview: l.freePreview,
      })),
  }))
  return {
    id: course.id,
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    descriptionMarkdown: course.descriptionMarkdown,
    lessonCount: lessonRows.length,
    durationSeconds: lessonRows.reduce((sum, l) => sum + l.durationSeconds, 0),
    modules: modules.filter((m) => m.lessons.length > 0),
  }
}

/**
 * In-process cache of course structures. Admin changes call `invalidate(slug)`; other server
 * processes see a change within `ttlMs` at the latest.
 */
export class CourseStructureCache {
  private readonly entries = new Map<string, { at: number; value: Promise<CourseStructure | null> }>()
  private slugs: { at: number; value: Promise<string[]> } | undefined
  /** Goes up with every `invalidate`: caches built on the structures (rendered pages) compare it. */
  generation = 0
  constructor(private readonly ttlMs = 60_000) {}

  publishedSlugs(db: DbOrTx): Promise<string[]> {
    if (this.slugs && Date.now() - this.slugs.at < this.ttlMs) return this.slugs.value
    const value = db
      .select({ slug: courses.slug })
      .from(courses)
      .where(eq(courses.published, true))
      .orderBy(asc(courses.position), asc(courses.title))
      .then((rows) => rows.map((r) => r.slug))
    this.slugs = { at: Date.now(), value }
    value.catch(() => (this.slugs = undefined))
    return value
  }

  get(db: DbOrTx, slug: string): Promise<CourseStructure | null> {
    const hit = this.entries.get(slug)
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value
    const value = loadCourseStructure(db, slug)
    this.entries.set(slug, { at: Date.now(), value })
    value.catch(() => this.entries.delete(slug))
    return value
  }

  invalidate(slug?: string): void {
    this.generation++
    this.slugs = undefined
    if (slug) this.entries.delete(slug)
    else this.entries.clear()
  }
}

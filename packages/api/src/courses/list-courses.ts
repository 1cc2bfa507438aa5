import type { AppDeps } from '../deps.ts'

/** Published courses for the catalogue (from the cached structures). */
export async function listCourses(deps: AppDeps) {
  const slugs = await deps.courses.publishedSlugs(deps.db)
  const structures = await Promise.all(slugs.map((slug) => deps.courses.get(deps.db, slug)))
  return structures
    .filter((s) => s !== null)
    .map(({ id, slug, title, summary, lessonCount, durationSeconds }) => ({ id, slug, title, summary, lessonCount, durationSeconds }))
}

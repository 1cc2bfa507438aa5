import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type { SeedCourse } from '@jouwbot/course-content'
import { courseModules, courses, eq, lessons, seedRuns } from '@jouwbot/db'
import type { Storage } from '@jouwbot/storage'
import { contentTypeFor } from '@jouwbot/storage'
import type { AppDeps } from '../deps.ts'

const MAX_SEED_FILE_BYTES = 50 * 1024 * 1024

/**
 * Puts a demo course (texts from @jouwbot/course-content, media copied into storage) into the
 * database exactly once — marked in seed_runs, so a member's later edits are never overwritten.
 */
export async function seedCourse(
  deps: Pick<AppDeps, 'db' | 'clock' | 'courses'>,
  course: SeedCourse,
  source: { mediaDir: string; storage: Storage },
): Promise<boolean> {
  const marker = `course:${course.slug}`
  const [done] = await deps.db.select().from(seedRuns).where(eq(seedRuns.name, marker)).limit(1)
  if (done) return false

  const prefix = `courses/${course.slug}`
  const copied = new Set<string>()
  async function copy(folder: string, fileName: string): Promise<string> {
    const key = `${prefix}/${folder}/${fileName}`
    if (!copied.has(key)) {
      await source.storage.write(key, createReadStream(join(source.mediaDir, folder, fileName)), {
        contentType: contentTypeFor(fileName),
        maxBytes: MAX_SEED_FILE_BYTES,
      })
      copied.add(key)
    }
    return key
  }

  // Files first (idempotent overwrites), then every row in one transaction with the marker.
  const lessonFiles = new Map<string, { videoKey: string; captionsKey: string | null; attachments: { key: string; title: string; fileName: string }[] }>()
  for (const module of course.modules) {
    for (const lesson of module.lessons) {
      lessonFiles.set(lesson.slug, {
        videoKey: await copy('videos', lesson.video),
        captionsKey: lesson.captions ? await copy('captions', lesson.captions) : null,
        attachments: await Promise.all(
          (lesson.attachments ?? []).map(async (a) => ({ key: await copy('attachments', a.fileName), title: a.title, fileName: a.fileName })),
        ),
      })
    }
  }

  const now = deps.clock.now()
  const seeded = await deps.db.transaction(async (tx) => {
    const [first] = await tx.insert(seedRuns).values({ name: marker, ranAt: now }).onConflictDoNothing().returning()
    if (!first) return false
    const [courseRow] = await tx
      .insert(courses)
      .values({ slug: course.slug, title: course.title, summary: course.summary, descriptionMarkdown: course.descriptionMarkdown, published: true, createdAt: now, updatedAt: now })
      .returning()
    let position = 0
    for (const [moduleIndex, module] of course.modules.entries()) {
      const [moduleRow] = await tx
        .insert(courseModules)
        .values({ courseId: courseRow!.id, slug: module.slug, title: module.title, summary: module.summary, position: moduleIndex })
        .returning()
      await tx.insert(lessons).values(
        module.lessons.map((lesson) => {
          const files = lessonFiles.get(lesson.slug)!
          return {
            courseId: courseRow!.id,
            moduleId: moduleRow!.id,
            slug: lesson.slug,
            title: lesson.title,
            summary: lesson.summary,
            bodyMarkdown: lesson.bodyMarkdown,
            videoKey: files.videoKey,
            durationSeconds: lesson.durationSeconds,
            captionsKey: files.captionsKey,
            chapters: lesson.chapters ?? [],
            attachments: files.attachments,
            freePreview: lesson.freePreview,
            published: true,
            position: position++,
            updatedAt: now,
          }
        }),
      )
    }
    return true
  })
  if (seeded) deps.courses.invalidate(course.slug)
  return seeded
}

import type { UserRow } from '@jouwbot/auth'
import { courses, eq, lessons } from '@jouwbot/db'
import { AppError, type AdminMoveLessonInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { auditContent } from './content-helpers.ts'
import { lessonIdsInOrder, lockModule } from './lock-module.ts'
import { lockLesson } from './lock-lesson.ts'
import { writeLessonPositions } from './write-lesson-positions.ts'

/** Moves a lesson to `position` (clamped) in another module of the same course, or within its own. */
export async function moveLesson(deps: AppDeps, admin: UserRow, input: AdminMoveLessonInput) {
  const now = deps.clock.now()
  const courseSlug = await deps.db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, input.lessonId)
    const { module: target } = await lockModule(tx, input.toModuleId)
    if (target.courseId !== course.id) throw new AppError('NOT_FOUND', 'admin.moduleNotFound')
    const targetIds = (await lessonIdsInOrder(tx, target.id)).filter((id) => id !== lesson.id)
    targetIds.splice(Math.min(input.position, targetIds.length), 0, lesson.id)
    await writeLessonPositions(tx, target.id, targetIds, now)
    if (lesson.moduleId !== target.id) await writeLessonPositions(tx, lesson.moduleId, await lessonIdsInOrder(tx, lesson.moduleId), now)
    await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
    await auditContent(
      tx,
      admin,
      'admin.lesson_moved',
      { courseId: course.id, lessonId: lesson.id, fromModuleId: lesson.moduleId, toModuleId: target.id, position: targetIds.indexOf(lesson.id) },
      now,
    )
    return course.slug
  })
  deps.courses.invalidate(courseSlug)
  const [moved] = await deps.db.select().from(lessons).where(eq(lessons.id, input.lessonId))
  return moved!
}

import { eq, lessons, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { lockCourseById } from './content-helpers.ts'

/** The lesson and its course, with the course row locked. */
export async function lockLesson(tx: DbOrTx, lessonId: string) {
  const [found] = await tx.select({ courseId: lessons.courseId }).from(lessons).where(eq(lessons.id, lessonId))
  if (!found) throw new AppError('NOT_FOUND', 'lesson.notFound')
  const course = await lockCourseById(tx, found.courseId)
  const [lesson] = await tx.select().from(lessons).where(eq(lessons.id, lessonId))
  if (!lesson) throw new AppError('NOT_FOUND', 'lesson.notFound')
  return { course, lesson }
}

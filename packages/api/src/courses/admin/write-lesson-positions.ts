import { eq, lessons, type DbOrTx } from '@jouwbot/db'

export async function writeLessonPositions(tx: DbOrTx, moduleId: string, lessonIds: readonly string[], now: Date) {
  for (const [position, id] of lessonIds.entries()) {
    await tx.update(lessons).set({ moduleId, position, updatedAt: now }).where(eq(lessons.id, id))
  }
}

import type { UserRow } from '@jouwbot/auth'
import { courseModules, courses, eq } from '@jouwbot/db'
import { type AdminUpdateModuleInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { auditContent, changedFields, withSlugCheck } from './content-helpers.ts'
import { lockModule } from './lock-module.ts'

export async function updateModule(deps: AppDeps, admin: UserRow, input: AdminUpdateModuleInput) {
  const { moduleId, ...changes } = input
  const now = deps.clock.now()
  const updated = await withSlugCheck(() =>
    deps.db.transaction(async (tx) => {
      const { course } = await lockModule(tx, moduleId)
      const [row] = await tx.update(courseModules).set(changes).where(eq(courseModules.id, moduleId)).returning()
      await tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, course.id))
      await auditContent(tx, admin, 'admin.module_updated', { courseId: course.id, moduleId, fields: changedFields(input, 'moduleId') }, now)
      return { module: row!, courseSlug: course.slug }
    }),
  )
  deps.courses.invalidate(updated.courseSlug)
  return updated.module
}

import {
  adminCreateCourseInput,
  adminCreateLessonInput,
  adminCreateModuleInput,
  adminLessonIdInput,
  adminModuleIdInput,
  adminMoveLessonInput,
  adminReorderLessonsInput,
  adminReorderModulesInput,
  adminSetCoursePublishedInput,
  adminSetLessonPublishedInput,
  adminUpdateCourseInput,
  adminUpdateLessonInput,
  adminUpdateModuleInput,
  courseMembersInput,
  courseSlugInput,
  grantAccessInput,
} from '@jouwbot/shared'
import { adminProcedure, router } from '../trpc.ts'
import { createCourse } from './admin/create-course.ts'
import { createLesson } from './admin/create-lesson.ts'
import { createModule } from './admin/create-module.ts'
import { deleteLesson } from './admin/delete-lesson.ts'
import { deleteModule } from './admin/delete-module.ts'
import { getCourseForAdmin } from './admin/get-course-for-admin.ts'
import { grantAccessByAdmin } from './admin/grant-access-by-admin.ts'
import { listCourseMembers } from './admin/list-course-members.ts'
import { listCoursesForAdmin } from './admin/list-courses-for-admin.ts'
import { moveLesson } from './admin/move-lesson.ts'
import { reorderLessons } from './admin/reorder-lessons.ts'
import { reorderModules } from './admin/reorder-modules.ts'
import { revokeAccessByAdmin } from './admin/revoke-access-by-admin.ts'
import { setCoursePublished } from './admin/set-course-published.ts'
import { setLessonPublished } from './admin/set-lesson-published.ts'
import { updateCourse } from './admin/update-course.ts'
import { updateLesson } from './admin/update-lesson.ts'
import { updateModule } from './admin/update-module.ts'

/** `admin.courseAccess.*`, `admin.courses.*`, `admin.modules.*`, `admin.lessons.*` (merged into `admin` by root.ts). */
export const coursesAdminRouters = {
  courseAccess: router({
    grant: adminProcedure.input(grantAccessInput).mutation(({ ctx, input }) => grantAccessByAdmin(ctx.deps, ctx.user, input)),
    revoke: adminProcedure.input(grantAccessInput).mutation(({ ctx, input }) => revokeAccessByAdmin(ctx.deps, ctx.user, input)),
    members: adminProcedure.input(courseMembersInput).query(({ ctx, input }) => listCourseMembers(ctx.deps, ctx.user, input)),
  }),
  courses: router({
    list: adminProcedure.query(({ ctx }) => listCoursesForAdmin(ctx.deps)),
    get: adminProcedure.input(courseSlugInput).query(({ ctx, input }) => getCourseForAdmin(ctx.deps, input.courseSlug)),
    create: adminProcedure.input(adminCreateCourseInput).mutation(({ ctx, input }) => createCourse(ctx.deps, ctx.user, input)),
    update: adminProcedure.input(adminUpdateCourseInput).mutation(({ ctx, input }) => updateCourse(ctx.deps, ctx.user, input)),
    setPublished: adminProcedure.input(adminSetCoursePublishedInput).mutation(({ ctx, input }) => setCoursePublished(ctx.deps, ctx.user, input)),
  }),
  modules: router({
    create: adminProcedure.input(adminCreateModuleInput).mutation(({ ctx, input }) => createModule(ctx.deps, ctx.user, input)),
    update: adminProcedure.input(adminUpdateModuleInput).mutation(({ ctx, input }) => updateModule(ctx.deps, ctx.user, input)),
    delete: adminProcedure.input(adminModuleIdInput).mutation(({ ctx, input }) => deleteModule(ctx.deps, ctx.user, input.moduleId)),
    reorder: adminProcedure.input(adminReorderModulesInput).mutation(({ ctx, input }) => reorderModules(ctx.deps, ctx.user, input)),
  }),
  lessons: router({
    create: adminProcedure.input(adminCreateLessonInput).mutation(({ ctx, input }) => createLesson(ctx.deps, ctx.user, input)),
    update: adminProcedure.input(adminUpdateLessonInput).mutation(({ ctx, input }) => updateLesson(ctx.deps, ctx.user, input)),
    setPublished: adminProcedure.input(adminSetLessonPublishedInput).mutation(({ ctx, input }) => setLessonPublished(ctx.deps, ctx.user, input)),
    delete: adminProcedure.input(adminLessonIdInput).mutation(({ ctx, input }) => deleteLesson(ctx.deps, ctx.user, input.lessonId)),
    reorder: adminProcedure.input(adminReorderLessonsInput).mutation(({ ctx, input }) => reorderLessons(ctx.deps, ctx.user, input)),
    move: adminProcedure.input(adminMoveLessonInput).mutation(({ ctx, input }) => moveLesson(ctx.deps, ctx.user, input)),
  }),
}

import { adminCheckoutRouter } from '../checkout/router.ts'
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
import { grantAccessByAdmin, listCourseMembers, revokeAccessByAdmin } from './course-access.ts'
import { createCourse, getCourseForAdmin, listCoursesForAdmin, setCoursePublished, updateCourse } from './manage-courses.ts'
import { createLesson, deleteLesson, moveLesson, reorderLessons, setLessonPublished, updateLesson } from './manage-lessons.ts'
import { createModule, deleteModule, reorderModules, updateModule } from './manage-modules.ts'

export const adminRouter = router({
  checkout: adminCheckoutRouter,
  courseAccess: router({
    grant: adminProcedure.input(grantAccessInput).mutation(({ ctx, input }) => grantAccessByAdmin(ctx.deps, ctx.user, input)),
    revoke: adminProcedure.input(grantAccessInput).mutation(({ ctx, input }) => revokeAccessByAdmin(ctx.deps, ctx.user, input)),
    members: adminProcedure.input(courseMembersInput).query(({ ctx, input }) => listCourseMembers(ctx.deps, ctx.user, input.courseSlug)),
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
})

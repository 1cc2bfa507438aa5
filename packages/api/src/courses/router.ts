import { certificateCodeInput, courseSlugInput, lessonIdInput, lessonRefInput, saveProgressInput } from '@jouwbot/shared'
import type { Viewer } from '../context.ts'
import { answerPrepared, authedProcedure, publicProcedure, router } from '../trpc.ts'
import { claimCertificate } from './claim-certificate.ts'
import { courseOutline } from './get-course-outline.ts'
import { getLesson, preparedLesson } from './get-lesson.ts'
import { myCertificate } from './get-my-certificate.ts'
import { listCourses } from './list-courses.ts'
import { verifyCertificate } from './verify-certificate.ts'
import { markLessonComplete, saveProgress } from './progress.ts'

export const courseRouter = router({
  list: publicProcedure.query(({ ctx }) => listCourses(ctx.deps)),
  // Over HTTP the outline is written from its JSON template, with an ETag (see courseOutline).
  outline: publicProcedure
    .input(courseSlugInput)
    .query(async ({ ctx, input }) => answerPrepared(ctx, await courseOutline(ctx.deps, input.courseSlug, viewerOf(ctx)))),
})

export const lessonRouter = router({
  // Over HTTP the lesson is written as JSON directly, without an ETag (see preparedLesson).
  get: publicProcedure.input(lessonRefInput).query(async ({ ctx, input }) => answerPrepared(ctx, preparedLesson(await getLesson(ctx.deps, input, viewerOf(ctx))))),
  saveProgress: authedProcedure.input(saveProgressInput).mutation(({ ctx, input }) => saveProgress(ctx.deps, ctx.user, input)),
  markComplete: authedProcedure.input(lessonIdInput).mutation(({ ctx, input }) => markLessonComplete(ctx.deps, ctx.user, input.lessonId)),
})

export const certificateRouter = router({
  claim: authedProcedure.input(courseSlugInput).mutation(({ ctx, input }) => claimCertificate(ctx.deps, ctx.user, input.courseSlug)),
  mine: authedProcedure.input(courseSlugInput).query(({ ctx, input }) => myCertificate(ctx.deps, ctx.user, input.courseSlug)),
  verify: publicProcedure.input(certificateCodeInput).query(({ ctx, input }) => verifyCertificate(ctx.deps, input.code)),
})

/** A half-finished 2FA login does not count as a viewer. */
function viewerOf(ctx: Viewer) {
  if (!ctx.user || !ctx.session) return null
  if (ctx.user.totpEnabledAt && !ctx.session.twoFactorVerified) return null
  return ctx.user
}

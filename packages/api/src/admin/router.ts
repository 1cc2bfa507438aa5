import { courseMembersInput, grantAccessInput } from '@jouwbot/shared'
import { adminProcedure, router } from '../trpc.ts'
import { grantAccessByAdmin, listCourseMembers, revokeAccessByAdmin } from './course-access.ts'

export const adminRouter = router({
  courseAccess: router({
    grant: adminProcedure.input(grantAccessInput).mutation(({ ctx, input }) => grantAccessByAdmin(ctx.deps, ctx.user, input)),
    revoke: adminProcedure.input(grantAccessInput).mutation(({ ctx, input }) => revokeAccessByAdmin(ctx.deps, ctx.user, input)),
    members: adminProcedure.input(courseMembersInput).query(({ ctx, input }) => listCourseMembers(ctx.deps, ctx.user, input.courseSlug)),
  }),
})

import { updateProfileInput } from '@jouwbot/shared'
import { toMe } from '../auth/me.ts'
import { authedProcedure, router } from '../trpc.ts'
import { updateProfile } from './update-profile.ts'

export const accountRouter = router({
  updateProfile: authedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const user = await updateProfile(ctx.deps, ctx.user, input)
    return toMe(user, ctx.session, ctx.deps.clock.now())
  }),
})

import { updateContactDetailsInput, updateProfileInput } from '@jouwbot/shared'
import { toMe } from '../auth/me.ts'
import { authedProcedure, router } from '../trpc.ts'
import { getContactDetails, updateContactDetails } from './contact-details.ts'
import { updateProfile } from './update-profile.ts'

export const accountRouter = router({
  updateProfile: authedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const user = await updateProfile(ctx.deps, ctx.user, input)
    return toMe(user, ctx.session, ctx.deps.clock.now())
  }),
  /** Phone, company and address on the profile (art. 16: correctable in one place). */
  contactDetails: authedProcedure.query(({ ctx }) => getContactDetails(ctx.deps, { userId: ctx.user.id })),
  updateContactDetails: authedProcedure
    .input(updateContactDetailsInput)
    .mutation(({ ctx, input }) => updateContactDetails(ctx.deps, { user: ctx.user, details: input })),
})

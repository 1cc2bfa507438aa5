import { disableTwoFactorInput, verifyTotpInput } from '@jouwbot/shared'
import { router, sudoProcedure } from '../trpc.ts'
import { disableTwoFactor } from './disable-two-factor.ts'
import { enableTwoFactor } from './enable-two-factor.ts'
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.ts'
import { setUpTwoFactor } from './set-up-two-factor.ts'

export const twoFactorRouter = router({
  setup: sudoProcedure.mutation(({ ctx }) => setUpTwoFactor(ctx.deps, ctx)),
  enable: sudoProcedure.input(verifyTotpInput).mutation(({ ctx, input }) => enableTwoFactor(ctx.deps, ctx, input.code)),
  disable: sudoProcedure.input(disableTwoFactorInput).mutation(({ ctx, input }) => disableTwoFactor(ctx.deps, ctx, input.password)),
  regenerateRecoveryCodes: sudoProcedure.mutation(({ ctx }) => regenerateRecoveryCodes(ctx.deps, ctx)),
})

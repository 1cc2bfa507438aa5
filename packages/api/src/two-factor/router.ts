import { disableTwoFactorInput, verifyTotpInput } from '@jouwbot/shared'
import { router, sudoProcedure } from '../trpc.ts'
import { disableTwoFactor, enableTwoFactor, regenerateRecoveryCodes, setUpTwoFactor } from './two-factor.ts'

export const twoFactorRouter = router({
  setup: sudoProcedure.mutation(({ ctx }) => setUpTwoFactor(ctx.deps, ctx)),
  enable: sudoProcedure.input(verifyTotpInput).mutation(({ ctx, input }) => enableTwoFactor(ctx.deps, ctx, input.code)),
  disable: sudoProcedure.input(disableTwoFactorInput).mutation(({ ctx, input }) => disableTwoFactor(ctx.deps, ctx, input.password)),
  regenerateRecoveryCodes: sudoProcedure.mutation(({ ctx }) => regenerateRecoveryCodes(ctx.deps, ctx)),
})

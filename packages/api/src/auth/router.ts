import { invalidateSession } from '@jouwbot/auth'
import {
  changePasswordInput,
  emailInput,
  logInInput,
  reauthenticateInput,
  requestEmailChangeInput,
  resetPasswordInput,
  revokeSessionInput,
  signUpInput,
  tokenInput,
  recoveryCodeLoginInput,
  verifyTotpInput,
} from '@jouwbot/shared'
import { authedProcedure, publicProcedure, router, sudoProcedure, twoFactorPendingProcedure } from '../trpc.ts'
import { confirmEmailChange, requestEmailChange } from './change-email.ts'
import { logIn } from './log-in.ts'
import { toMe } from './me.ts'
import { changePassword, requestPasswordReset, resetPassword } from './passwords.ts'
import { reauthenticate } from './reauthenticate.ts'
import { completeLogInWithRecoveryCode, completeLogInWithTotp } from './second-factor-login.ts'
import { listSessions, revokeOtherSessions, revokeSession } from './sessions.ts'
import { signUp } from './sign-up.ts'
import { resendVerification, verifyEmail } from './verify-email.ts'

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) =>
    ctx.user && ctx.session ? toMe(ctx.user, ctx.session, ctx.deps.clock.now()) : null,
  ),
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.deps, input, ctx.request.ip)),
  logIn: publicProcedure.input(logInInput).mutation(({ ctx, input }) => logIn(ctx, input)),
  verifyTotp: twoFactorPendingProcedure
    .input(verifyTotpInput)
    .mutation(({ ctx, input }) => completeLogInWithTotp(ctx, input.code)),
  useRecoveryCode: twoFactorPendingProcedure
    .input(recoveryCodeLoginInput)
    .mutation(({ ctx, input }) => completeLogInWithRecoveryCode(ctx, input.code)),
  logOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await invalidateSession(ctx.deps.db, ctx.session.id)
    ctx.cookies.clear()
    return { ok: true as const }
  }),
  verifyEmail: publicProcedure.input(tokenInput).mutation(({ ctx, input }) => verifyEmail(ctx.deps, input.token)),
  resendVerification: publicProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) => resendVerification(ctx.deps, input.email, ctx.request.ip)),
  requestPasswordReset: publicProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.deps, input.email, ctx.request.ip)),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx.deps, input)),
  reauthenticate: authedProcedure.input(reauthenticateInput).mutation(({ ctx, input }) => reauthenticate(ctx.deps, ctx, input)),
  changePassword: sudoProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.deps, ctx, input)),
  requestEmailChange: sudoProcedure
    .input(requestEmailChangeInput)
    .mutation(({ ctx, input }) => requestEmailChange(ctx.deps, ctx.user, input.newEmail)),
  confirmEmailChange: publicProcedure.input(tokenInput).mutation(({ ctx, input }) => confirmEmailChange(ctx.deps, input.token)),
  sessions: authedProcedure.query(({ ctx }) => listSessions(ctx.deps, ctx.session)),
  revokeSession: authedProcedure.input(revokeSessionInput).mutation(async ({ ctx, input }) => {
    const { wasCurrent } = await revokeSession(ctx.deps, ctx.session, input.sessionId)
    if (wasCurrent) ctx.cookies.clear()
    return { ok: true as const }
  }),
  revokeOtherSessions: authedProcedure.mutation(async ({ ctx }) => {
    await revokeOtherSessions(ctx.deps, ctx.session)
    return { ok: true as const }
  }),
})

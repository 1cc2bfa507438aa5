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
import type { Context, Viewer } from '../context.ts'
import { authedProcedure, publicProcedure, router, sudoProcedure, twoFactorPendingProcedure } from '../trpc.ts'
import { changePassword } from './change-password.ts'
import { confirmEmailChange } from './confirm-email-change.ts'
import { listSessions } from './list-sessions.ts'
import { logIn } from './log-in.ts'
import { toMe } from './me.ts'
import { reauthenticate } from './reauthenticate.ts'
import { requestEmailChange } from './request-email-change.ts'
import { requestPasswordReset } from './request-password-reset.ts'
import { resendVerification } from './resend-verification.ts'
import { resetPassword } from './reset-password.ts'
import { revokeOtherSessions } from './revoke-other-sessions.ts'
import { revokeSession } from './revoke-session.ts'
import { completeLogInWithRecoveryCode, completeLogInWithTotp } from './second-factor-login.ts'
import { signUp } from './sign-up.ts'
import type { LogInClient, NewSession } from './start-session.ts'
import { verifyEmail } from './verify-email.ts'

/** What the log-in services need to know about the request. */
const clientOf = (ctx: Pick<Context, 'request'> & Pick<Viewer, 'session'>): LogInClient => ({
  currentSessionId: ctx.session?.id ?? null,
  userAgent: ctx.request.userAgent,
  ip: ctx.request.ip,
  deviceCookie: ctx.request.deviceCookie ?? null,
})

/** The services return the new session; only the procedure knows it goes into a cookie. */
function withCookie<R extends { session: NewSession }>(ctx: Pick<Context, 'cookies'>, result: R): Omit<R, 'session'> {
  const { session, ...answer } = result
  ctx.cookies.set(session.token, session.expiresAt)
  return answer
}

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) =>
    ctx.user && ctx.session ? toMe(ctx.user, ctx.session, ctx.deps.clock.now()) : null,
  ),
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.deps, input, ctx.request.ip)),
  logIn: publicProcedure
    .input(logInInput)
    .mutation(async ({ ctx, input }) => {
      const { deviceCookie, ...result } = await logIn(ctx.deps, { ...input, client: clientOf(ctx) })
      const answer = withCookie(ctx, result)
      ctx.cookies.setDevice?.(deviceCookie)
      return answer
    }),
  verifyTotp: twoFactorPendingProcedure
    .input(verifyTotpInput)
    .mutation(async ({ ctx, input }) => withCookie(ctx, await completeLogInWithTotp(ctx.deps, { user: ctx.user, client: clientOf(ctx), code: input.code }))),
  useRecoveryCode: twoFactorPendingProcedure
    .input(recoveryCodeLoginInput)
    .mutation(async ({ ctx, input }) =>
      withCookie(ctx, await completeLogInWithRecoveryCode(ctx.deps, { user: ctx.user, client: clientOf(ctx), code: input.code })),
    ),
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

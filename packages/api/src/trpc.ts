import { initTRPC, TRPCError } from '@trpc/server'
import superjson from 'superjson'
import { z, ZodError } from 'zod'
import { AppError, type ErrorKey } from '@jouwbot/shared'
import { SUDO_MINUTES } from '@jouwbot/shared'
import type { SessionRow, UserRow } from '@jouwbot/auth'
import type { Context } from './context.ts'
import { PreparedResult, type Preparable } from './prepared.ts'

const genericKeyByCode: Partial<Record<TRPCError['code'], string>> = {
  UNAUTHORIZED: 'error.unauthorized',
  FORBIDDEN: 'error.forbidden',
  NOT_FOUND: 'error.notFound',
  TOO_MANY_REQUESTS: 'error.tooManyRequests',
  PAYLOAD_TOO_LARGE: 'error.payloadTooLarge',
}

/**
 * superjson both ways, except that a prepared result goes out as its token: the HTTP adapter
 * swaps the token for the bytes the service produced (see `PreparedResults`).
 */
const transformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) => (value instanceof PreparedResult ? value.token : superjson.serialize(value)),
    deserialize: (value: Parameters<typeof superjson.deserialize>[0]) => superjson.deserialize(value),
  },
}

const t = initTRPC.context<Context>().create({
  transformer,
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const requestId = ctx?.request.requestId
    const base = { code: shape.data.code, httpStatus: shape.data.httpStatus, requestId }
    if (error.cause instanceof AppError) {
      return {
        ...shape,
        message: error.cause.key,
        data: { ...base, key: error.cause.key, retryAfterSeconds: error.cause.retryAfterSeconds },
      }
    }
    if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
      return {
        ...shape,
        message: 'error.invalidInput',
        data: { ...base, key: 'error.invalidInput', fieldErrors: z.flattenError(error.cause).fieldErrors },
      }
    }
    // Anything else (a bug, a database error): no message, no stack — only a request id to quote.
    const key = genericKeyByCode[error.code] ?? 'error.generic'
    return { ...shape, message: key, data: { ...base, key } }
  },
})

/**
 * A procedure's answer from a `Preparable`: over HTTP the adapter writes its bytes (no object is
 * built, no superjson walk); `createCaller` and streamed responses get the plain value.
 */
export function answerPrepared<T>(ctx: Pick<Context, 'prepared'>, result: Preparable<T>): T {
  return ctx.prepared ? (ctx.prepared.add(result) as unknown as T) : result.value()
}

export const router = t.router
/** Two routers of one domain built in separate files (privacy: registry + rights) under one name. */
export const mergeRouters = t.mergeRouters
export const createCallerFactory = t.createCallerFactory
export const middleware = t.middleware

/** Turns a service's AppError into the matching tRPC error (HTTP status included). */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next()
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause
    throw new TRPCError({ code: cause.code, message: cause.key, cause })
  }
  return result
})

/**
 * For procedures that never look at who is calling (`system.ping`, the seller's public details):
 * no session query. Their context has no `session` or `user` to read by mistake.
 */
export const sessionlessProcedure = t.procedure.use(appErrors)

/** Every other procedure: `ctx.session` / `ctx.user` (null for a visitor), looked up once per request. */
export const publicProcedure = sessionlessProcedure.use(async ({ ctx, next }) => {
  const { session, user } = await ctx.viewer()
  return next({ ctx: { session, user } })
})

function deny(code: 'UNAUTHORIZED' | 'FORBIDDEN', key: ErrorKey): never {
  throw new TRPCError({ code, message: key, cause: new AppError(code, key) })
}

/** Password given but the second factor still missing: only the 2FA step procedures accept this. */
export const twoFactorPendingProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session || !ctx.user) deny('UNAUTHORIZED', 'error.unauthorized')
  if (ctx.session.twoFactorVerified || !ctx.user.totpEnabledAt) deny('FORBIDDEN', 'error.forbidden')
  return next({ ctx: { session: ctx.session, user: ctx.user } })
})

/**
 * A signed-in caller (second factor proved where switched on). The lookup and the check are one
 * middleware, not `publicProcedure` plus a check: each tRPC middleware copies the call's options
 * and context, a measurable share of every authed call (bench:cpu, the progress save).
 */
export const authedProcedure = sessionlessProcedure.use(async ({ ctx, next }) => {
  const { session, user } = await ctx.viewer()
  if (!session || !user) deny('UNAUTHORIZED', 'error.unauthorized')
  if (user.totpEnabledAt && !session.twoFactorVerified) deny('UNAUTHORIZED', 'auth.totpRequired')
  return next({ ctx: { session, user } })
})

/**
 * Staff (coach, admin) reach members' personal data, so every staff procedure needs 2FA switched on
 * (and, through `authedProcedure`, proved on this session). The key leads the client to 2FA set-up.
 */
function assertStaffTwoFactor(user: UserRow): void {
  if (!user.totpEnabledAt) deny('FORBIDDEN', 'privacy.staffTwoFactorRequired')
}

export const coachProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'coach' && ctx.user.role !== 'admin') deny('FORBIDDEN', 'error.forbidden')
  assertStaffTwoFactor(ctx.user)
  return next()
})

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') deny('FORBIDDEN', 'error.forbidden')
  assertStaffTwoFactor(ctx.user)
  return next()
})

/** "Sudo mode": security changes need the password (and code) entered in the last 10 minutes. */
function assertRecentReauthentication(ctx: Pick<Context, 'deps'> & { session: SessionRow }): void {
  const age = ctx.deps.clock.now().getTime() - ctx.session.reauthenticatedAt.getTime()
  if (age > SUDO_MINUTES * 60_000) deny('FORBIDDEN', 'auth.reauthenticationRequired')
}

export const sudoProcedure = authedProcedure.use(({ ctx, next }) => {
  assertRecentReauthentication(ctx)
  return next()
})
/** Admin actions that move money (refunds) also need sudo mode. */
export const adminSudoProcedure = adminProcedure.use(({ ctx, next }) => {
  assertRecentReauthentication(ctx)
  return next()
})

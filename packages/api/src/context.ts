import type { SessionRow, UserRow } from '@jouwbot/auth'
import type { AppDeps } from './deps.ts'
import type { PreparedResults } from './prepared.ts'

/** How procedures set or clear the session cookie without knowing about HTTP. */
export interface SessionCookies {
  set(token: string, expiresAt: Date): void
  clear(): void
  /** The device cookie after a right password (`auth/known-devices.ts`); long-lived, HttpOnly. */
  setDevice?(value: string): void
}

export interface RequestMeta {
  requestId: string
  ip: string
  userAgent: string | null
  /** The browser's device cookie, if it sent one. */
  deviceCookie?: string | null
  /**
   * The connection comes from this machine itself: loopback peer address of the socket and no
   * proxy's forwarding header (never decided by a header saying so). Unset: not local.
   */
  local?: boolean
}

/** Who is calling: the session behind the cookie and its user, or nobody. */
export interface Viewer {
  session: SessionRow | null
  user: UserRow | null
}

export interface Context {
  deps: AppDeps
  /**
   * The caller's session and user, looked up on the first call and shared by every later one of the
   * same context (one HTTP request, a batch included). Procedures get them as `ctx.session` /
   * `ctx.user` through `publicProcedure`; `sessionlessProcedure` never asks, so an empty query
   * (`system.ping`) costs no session query.
   */
  viewer(): Promise<Viewer>
  cookies: SessionCookies
  request: RequestMeta
  /** Set by the HTTP adapter for non-streamed responses: procedures may hand it pre-serialised results. */
  prepared: PreparedResults | null
}

/**
 * The request-free context: tests and the HTTP adapter both build it through here. Either the
 * viewer is known (`session`, `user`: tests) or `loadViewer` finds it (the HTTP adapter: from the
 * cookie), at most once however often and however concurrently it is asked for.
 */
export function createContextInner(input: {
  deps: AppDeps
  session?: SessionRow | null
  user?: UserRow | null
  loadViewer?: () => Promise<Viewer>
  cookies: SessionCookies
  request: RequestMeta
  prepared?: PreparedResults | null
}): Context {
  const { loadViewer } = input
  let viewer: Promise<Viewer> | undefined
  if (!loadViewer) viewer = Promise.resolve({ session: input.session ?? null, user: input.user ?? null })
  return {
    deps: input.deps,
    viewer: () => (viewer ??= loadViewer!()),
    cookies: input.cookies,
    request: input.request,
    prepared: input.prepared ?? null,
  }
}

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

export interface Context {
  deps: AppDeps
  session: SessionRow | null
  user: UserRow | null
  cookies: SessionCookies
  request: RequestMeta
  /** Set by the HTTP adapter for non-streamed responses: procedures may hand it pre-serialised results. */
  prepared: PreparedResults | null
}

/** The request-free context: tests and the HTTP adapter both build it through here. */
export function createContextInner(input: {
  deps: AppDeps
  session?: SessionRow | null
  user?: UserRow | null
  cookies: SessionCookies
  request: RequestMeta
  prepared?: PreparedResults | null
}): Context {
  return {
    deps: input.deps,
    session: input.session ?? null,
    user: input.user ?? null,
    cookies: input.cookies,
    request: input.request,
    prepared: input.prepared ?? null,
  }
}

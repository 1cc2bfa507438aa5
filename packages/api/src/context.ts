import { randomUUID } from 'node:crypto'
import type { SessionRow, UserRow } from '@jouwbot/auth'
import type { AppDeps } from './deps.ts'

/** How procedures set or clear the session cookie without knowing about HTTP. */
export interface SessionCookies {
  set(token: string, expiresAt: Date): void
  clear(): void
}

export interface RequestMeta {
  requestId: string
  ip: string
  userAgent: string | null
}

/**
 * A result whose serialised form a service can produce itself, faster than building the object
 * and walking it with superjson: `json()` must return exactly the UTF-8 of
 * `JSON.stringify(superjson.serialize(value()))`, and `etag` must change whenever those bytes
 * would (it may be computed without producing them).
 */
export interface Preparable<T> {
  etag: string
  json(): Buffer
  value(): T
}

/** A prepared result inside one HTTP response: tRPC serialises it as `token`, the adapter swaps the bytes in. */
export class PreparedResult {
  constructor(
    readonly token: string,
    readonly etag: string,
    readonly json: () => Buffer,
  ) {}
}

/**
 * Prepared results of one non-streamed HTTP request. Only the HTTP adapter creates it (so
 * `createCaller` and streamed responses always get plain values); the token carries a random
 * per-request nonce, so no other data in the response can imitate it.
 */
export class PreparedResults {
  readonly items: PreparedResult[] = []
  private nonce: string | undefined

  add(prepared: Preparable<unknown>): PreparedResult {
    this.nonce ??= randomUUID()
    const result = new PreparedResult(`jb-prepared:${this.nonce}:${this.items.length}`, prepared.etag, prepared.json)
    this.items.push(result)
    return result
  }
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

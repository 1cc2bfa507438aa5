import { randomUUID } from 'node:crypto'

/**
 * The one seam through which a service may answer with bytes instead of an object: the course
 * outline, the hottest public read, is filled into a JSON template per viewer and its bytes cached
 * (bench:outline; README "Performance"). A service returns a `Preparable`; the procedure hands it to
 * `answerPrepared` (trpc.ts); over HTTP the adapter (apps/server/src/http/trpc.ts) writes the bytes
 * where tRPC serialised the per-request token, and answers 304 on a matching ETag. `createCaller`
 * and streamed responses never see any of it: they get `value()`.
 */

/**
 * A result whose serialised form a service can produce itself, faster than building the object
 * and walking it with superjson: `json()` must return exactly the UTF-8 of
 * `JSON.stringify(superjson.serialize(value()))`, and `etag` must change whenever those bytes
 * would (it may be computed without producing them). `etag: null`: an answer never worth
 * revalidating (one that differs every time); a response holding one gets no ETag.
 */
export interface Preparable<T> {
  etag: string | null
  json(): Buffer
  value(): T
}

/** A prepared result inside one HTTP response: tRPC serialises it as `token`, the adapter swaps the bytes in. */
export class PreparedResult {
  constructor(
    readonly token: string,
    readonly etag: string | null,
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

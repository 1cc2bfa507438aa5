/**
 * Work that must not change how long an answer takes. Requests whose answer may not tell whether an
 * address has an account (sign-up, password reset) do the same work for every address before they
 * answer, and everything that depends on the address — the lookup, the new account or the mail —
 * runs here, after the answer has gone out.
 *
 * `settled()` resolves once all work handed in so far has finished (graceful stop, and tests that
 * read the mail a request caused, as a member reads it a moment later).
 */
export interface AfterAnswer {
  (work: () => Promise<unknown>): void
  settled(): Promise<void>
}

export function createAfterAnswer(onError: (error: unknown) => void): AfterAnswer {
  const running = new Set<Promise<void>>()
  const schedule = (work: () => Promise<unknown>) => {
    // setImmediate: the answer is written (in this turn's microtasks) before the work starts.
    const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => running.delete(done))
    running.add(done)
  }
  return Object.assign(schedule, {
    async settled() {
      while (running.size > 0) await Promise.all(running)
    },
  })
}

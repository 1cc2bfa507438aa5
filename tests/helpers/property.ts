import fc from 'fast-check'

/**
 * How a fast-check property runs: `runs` sequences by default (CI), or what the environment asks —
 * PROPERTY_RUNS (how many), PROPERTY_SEED (a run's seed) and PROPERTY_PATH (the shrunk counterexample
 * fast-check printed), so a failure replays exactly:
 * `PROPERTY_SEED=… PROPERTY_PATH=… pnpm vitest run --project integration tests/integration/checkout-property.test.ts`
 * (or coaching-property.test.ts).
 */
export function propertyParameters<T>(runs: number, options: { timeLimitMs?: number } = {}): fc.Parameters<T> & { numRuns: number } {
  const numRuns = Number(process.env.PROPERTY_RUNS ?? runs)
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error('PROPERTY_RUNS must be a whole number, at least 1')
  const seed = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED)
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('PROPERTY_SEED must be a whole number')
  const path = process.env.PROPERTY_PATH
  return {
    numRuns: path ? 1 : numRuns,
    ...(seed !== undefined ? { seed } : {}),
    ...(path ? { path } : {}),
    maxSkipsPerRun: 0,
    // Shrinking replays whole sequences: stop in time to report the smallest failure found so far
    // rather than let the test's own timeout swallow it.
    ...(options.timeLimitMs ? { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: true } : {}),
  }
}

/**
 * Runs the property and, when it fails, throws fast-check's report with the environment that
 * replays the shrunk counterexample in front of it.
 */
export async function assertProperty<T>(property: fc.IAsyncPropertyWithHooks<T>, parameters: fc.Parameters<T>): Promise<fc.RunDetails<T>> {
  const details = await fc.check(property, parameters)
  if (details.failed) {
    const replay = `PROPERTY_SEED=${details.seed} PROPERTY_PATH=${details.counterexamplePath ?? ''}`
    throw new Error(`Property failed; replay with ${replay}\n${fc.defaultReportMessage(details) ?? ''}`, { cause: details.errorInstance })
  }
  return details
}

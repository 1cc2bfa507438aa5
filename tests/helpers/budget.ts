/**
 * Time budgets for tests that wait on real work (a server process starting, a property run, a job
 * schedule). They are ceilings against hanging, never assertions about speed: a budget is the time the
 * work needs on a quiet machine times a margin, scaled by `TEST_BUDGET_FACTOR` (default 3 under `CI`,
 * where a 2-core machine is shared with the other test workers, else 1). A budget that runs out
 * fails the test with the progress it made, not silently.
 */
export const BUDGET_FACTOR = Number(process.env.TEST_BUDGET_FACTOR ?? (process.env.CI ? 3 : 1)) || 1

/** `ms` scaled by the machine's budget factor. */
export function budget(ms: number): number {
  return Math.round(ms * BUDGET_FACTOR)
}

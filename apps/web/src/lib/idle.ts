/**
 * Runs `task` when the browser has a moment (requestIdleCallback, at the latest after `timeoutMs`),
 * for work nobody waits for, so that it stays out of the page's start-up tasks. Where there is no
 * requestIdleCallback (Safari), after a timer.
 */
export function runWhenIdle(task: () => void, timeoutMs = 1000): void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    globalThis.requestIdleCallback(() => task(), { timeout: timeoutMs })
  } else {
    setTimeout(task, 0)
  }
}

/**
 * Ends the current task and resolves in a new one (scheduler.yield where there is one, so the
 * continuation goes ahead of other queued work; else a timer): for start-up work done in steps, so
 * that no step holds the main thread long enough to count as a long task.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

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

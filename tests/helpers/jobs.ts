/** The signal a job handler gets from the runner, for tests that call a handler directly and never stop it. */
export const runningJob: AbortSignal = new AbortController().signal

import { useState } from 'react'
import { describeError, type ErrorDetails } from '../../../lib/errors.ts'

export interface ActionState {
  /** Which action runs now (e.g. `up:<id>`), for its button's spinner. */
  pending: string | null
  error: ErrorDetails | null
  run: (id: string, action: () => Promise<unknown>) => Promise<boolean>
}

/** One-click actions (reorder, publish, delete): one at a time, the failure in an alert region. */
export function useAction(): ActionState {
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<ErrorDetails | null>(null)

  async function run(id: string, action: () => Promise<unknown>): Promise<boolean> {
    if (pending) return false
    setPending(id)
    setError(null)
    try {
      await action()
      return true
    } catch (caught) {
      setError(describeError(caught))
      return false
    } finally {
      setPending(null)
    }
  }

  return { pending, error, run }
}

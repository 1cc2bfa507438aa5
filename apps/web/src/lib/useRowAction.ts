import { useRef, useState } from 'react'
import { describeError, type ErrorDetails } from './errors.ts'

export interface RowAction {
  /** The row whose action runs now (its button shows a spinner, the others wait). */
  pendingId: string | null
  /** What the last action did, for the section's status line. */
  status: string | null
  error: ErrorDetails | null
  /** Attach to the status line to move focus there when the used button disappears. */
  statusRef: React.RefObject<HTMLParagraphElement | null>
  /** Runs one row's action; it resolves to the status message. */
  run: (id: string, action: () => Promise<string>) => Promise<void>
}

/** The buttons in an admin list's rows (revoke, switch on/off): one at a time, result or failure announced. */
export function useRowAction(): RowAction {
  const [pendingId, setPendingId] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<ErrorDetails | null>(null)
  const statusRef = useRef<HTMLParagraphElement>(null)

  async function run(id: string, action: () => Promise<string>): Promise<void> {
    setPendingId(id)
    setStatus(null)
    setError(null)
    try {
      setStatus(await action())
      statusRef.current?.focus()
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setPendingId(null)
    }
  }

  return { pendingId, status, error, statusRef, run }
}

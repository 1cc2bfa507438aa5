import type { ReactNode } from 'react'
import type { ErrorDetails } from '../lib/errors.ts'
import { ErrorText } from './ErrorText.tsx'

interface Props {
  error: ErrorDetails | null
  /** Extra content under the message, e.g. a "send the link again" button. */
  children?: ReactNode
}

/**
 * The form-level error region. It is always in the DOM (so screen readers announce new content) and
 * focusable, so a failed submit without field errors can move focus here.
 */
export function FormAlert({ error, children }: Props) {
  return (
    <div role="alert" tabIndex={-1} data-form-alert="" className={error ? 'alert alert--error' : 'alert-slot'}>
      {error ? (
        <>
          <p className="alert__message">
            <ErrorText error={error} />
          </p>
          {children}
        </>
      ) : null}
    </div>
  )
}

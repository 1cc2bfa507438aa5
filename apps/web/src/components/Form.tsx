import type { ReactNode } from 'react'
import type { ErrorDetails } from '../lib/errors.ts'
import { FormAlert } from './FormAlert.tsx'

interface Props {
  /** The form hook (lib/useZodForm.ts): its ref, its form-level error and its submit. */
  form: { formRef: React.RefObject<HTMLFormElement | null>; error: ErrorDetails | null; submit: () => Promise<unknown> }
  /** Runs when the form is submitted; `form.submit` unless a step comes first. */
  onSubmit?: () => Promise<unknown>
  /** Extra classes besides `form`, e.g. `form--danger`. */
  className?: string
  /** Content above the alert region, e.g. a heading or a short explanation. */
  intro?: ReactNode
  /** Extra content under the form-level error message, e.g. a "send the link again" button. */
  alertExtra?: ReactNode
  children: ReactNode
}

/**
 * The shell of every form: no browser validation (the shared schemas do that), submit through the
 * form hook, and the alert region before the fields. Focus on the first error is the hook's job.
 */
export function Form({ form, onSubmit = form.submit, className, intro, alertExtra, children }: Props) {
  return (
    <form
      ref={form.formRef}
      noValidate
      className={className ? `form ${className}` : 'form'}
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
    >
      {intro}
      <FormAlert error={form.error}>{alertExtra}</FormAlert>
      {children}
    </form>
  )
}

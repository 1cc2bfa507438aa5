import type { ReactNode } from 'react'
import type { FormState } from '../lib/useForm.ts'
import { FormAlert } from './FormAlert.tsx'

interface Props {
  form: FormState
  /** Runs when the form is submitted, usually `() => form.submit(values)`. */
  onSubmit: () => Promise<unknown>
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
export function Form({ form, onSubmit, className, intro, alertExtra, children }: Props) {
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

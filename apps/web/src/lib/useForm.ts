import { useEffect, useRef, useState } from 'react'
import { describeError, issuesToFieldErrors, type ErrorDetails } from './errors.ts'
import { SudoCancelledError } from './sudo.ts'

/** The part of a zod schema this hook needs (keeps the client free of a direct zod dependency). */
export interface Parser<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } }
}

interface Options<T> {
  schema: Parser<T>
  onSubmit: (data: T) => Promise<void>
  /** Server error keys that belong to one field, e.g. `{ 'auth.passwordWrong': 'currentPassword' }`. */
  keyFields?: Record<string, string>
}

export interface FormState {
  formRef: React.RefObject<HTMLFormElement | null>
  /** Field name → i18n key. */
  fieldErrors: Record<string, string>
  /** The form-level error, shown in the form's alert region. */
  error: ErrorDetails | null
  busy: boolean
  /** Validates with the shared schema, then calls onSubmit. Resolves to true on success. */
  submit: (values: unknown) => Promise<boolean>
  clearFieldError: (name: string) => void
  reset: () => void
}

/**
 * Form plumbing shared by every form: client-side validation with the shared zod schemas, server
 * errors mapped to fields or the alert region, a pending flag, and focus on the first error after a
 * failed submit.
 */
export function useForm<T>({ schema, onSubmit, keyFields }: Options<T>): FormState {
  const formRef = useRef<HTMLFormElement>(null)
  const busyRef = useRef(false)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<ErrorDetails | null>(null)
  const [busy, setBusy] = useState(false)
  const [failures, setFailures] = useState(0)

  useEffect(() => {
    if (failures === 0) return
    const form = formRef.current
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[data-form-alert]')
    target?.focus()
  }, [failures])

  async function submit(values: unknown): Promise<boolean> {
    if (busyRef.current) return false
    const parsed = schema.safeParse(values)
    if (!parsed.success) {
      setFieldErrors(issuesToFieldErrors(parsed.error.issues))
      setError(null)
      setFailures((n) => n + 1)
      return false
    }
    busyRef.current = true
    setBusy(true)
    setFieldErrors({})
    setError(null)
    try {
      await onSubmit(parsed.data)
      return true
    } catch (caught) {
      if (caught instanceof SudoCancelledError) return false
      const details = describeError(caught)
      const field = keyFields?.[details.key]
      if (field) {
        setFieldErrors({ ...details.fieldErrors, [field]: details.key })
      } else {
        setFieldErrors(details.fieldErrors)
        setError(details)
      }
      setFailures((n) => n + 1)
      return false
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  function clearFieldError(name: string): void {
    setFieldErrors((current) => {
      if (!(name in current)) return current
      const { [name]: _removed, ...rest } = current
      return rest
    })
  }

  function reset(): void {
    setFieldErrors({})
    setError(null)
  }

  return { formRef, fieldErrors, error, busy, submit, clearFieldError, reset }
}

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
  /** Called whenever a bound field changes, e.g. to hide a "saved" message. */
  onEdit?: () => void
}

/** Spread onto a TextField or SelectField: `<TextField {...form.bind('email', email, setEmail)} />`. */
export interface FieldBinding {
  name: string
  value: string
  error: string | undefined
  onChange: (event: { target: { value: string } }) => void
}

/** Spread onto a CheckboxField: `<CheckboxField {...form.bindCheckbox('newsletter', newsletter, setNewsletter)} />`. */
export interface CheckboxBinding {
  name: string
  checked: boolean
  error: string | undefined
  onChange: (event: { target: { checked: boolean } }) => void
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
  /** Wires a field to its state: name, value, its error, and an onChange that also clears that error. */
  bind: (name: string, value: string, setValue: (value: string) => void) => FieldBinding
  bindCheckbox: (name: string, checked: boolean, setChecked: (checked: boolean) => void) => CheckboxBinding
}

/**
 * Form plumbing shared by every form: client-side validation with the shared zod schemas, server
 * errors mapped to fields or the alert region, a pending flag, and focus on the first error after a
 * failed submit.
 */
export function useForm<T>({ schema, onSubmit, keyFields, onEdit }: Options<T>): FormState {
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

  function edited(name: string): void {
    clearFieldError(name)
    onEdit?.()
  }

  function bind(name: string, value: string, setValue: (value: string) => void): FieldBinding {
    return {
      name,
      value,
      error: fieldErrors[name],
      onChange: (event) => {
        setValue(event.target.value)
        edited(name)
      },
    }
  }

  function bindCheckbox(name: string, checked: boolean, setChecked: (checked: boolean) => void): CheckboxBinding {
    return {
      name,
      checked,
      error: fieldErrors[name],
      onChange: (event) => {
        setChecked(event.target.checked)
        edited(name)
      },
    }
  }

  return { formRef, fieldErrors, error, busy, submit, clearFieldError, reset, bind, bindCheckbox }
}

import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useRef, useState } from 'react'
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormRegisterReturn,
  type UseFormReturn,
} from 'react-hook-form'
import { describeError, fieldErrorKey, type ErrorDetails } from './errors.ts'
import { SudoCancelledError } from './sudo.ts'

/**
 * A zod 4 schema as `zodResolver` takes it (the shared schemas from `@jouwbot/shared`). Only the type
 * is named here: the client has no direct zod dependency.
 */
interface ZodSchema<Output> {
  _zod: { output: Output; input: unknown }
}

interface Options<Fields extends FieldValues, Output> {
  /** The shared schema the server validates with; its messages are i18n keys. */
  schema: ZodSchema<Output>
  /** The fields' starting values (strings for text fields, booleans for checkboxes). */
  defaultValues: DefaultValues<Fields>
  /**
   * The schema's input made from the field values, e.g. euros typed → cents, plus values that are not
   * fields (the course slug, the locale). Without it the field values are the input.
   */
  toInput?: (values: Fields) => unknown
  onSubmit: (data: Output) => Promise<void>
  /** Server error keys that belong to one field, e.g. `{ 'auth.passwordWrong': 'currentPassword' }`. */
  keyFields?: Record<string, string>
  /** Called whenever a field changes, e.g. to hide a "saved" message. */
  onEdit?: () => void
}

/** Spread onto a TextField, TextAreaField, SelectField or CheckboxField: `<TextField {...form.field('email')} />`. */
export type FieldBinding = UseFormRegisterReturn & { error: string | undefined }

export interface ZodForm<Fields extends FieldValues, Output = unknown> {
  /** react-hook-form's own API (watch, setValue, reset …). */
  methods: UseFormReturn<Fields, unknown, Output>
  formRef: React.RefObject<HTMLFormElement | null>
  /** Field name → i18n key of its error (the schema's or the server's). */
  fieldErrors: Record<string, string>
  /** The form-level error, shown in the form's alert region. */
  error: ErrorDetails | null
  busy: boolean
  /** True after a successful submit, until the next edit or submit (for a "saved" status line). */
  saved: boolean
  /** Tells the form that something outside its fields changed (e.g. a chapter row): hides "saved". */
  edited: () => void
  /** Validates with the shared schema, then calls onSubmit. Resolves to true on success. */
  submit: () => Promise<boolean>
  field: (name: Path<Fields>, options?: { onChange?: (value: string) => void }) => FieldBinding
  clearFieldError: (name: string) => void
}

/**
 * Every form's plumbing on react-hook-form: validation with the shared zod schema (zodResolver), server
 * errors on their fields or in the alert region, a pending flag, and — after a failed submit — focus on
 * the first invalid field in document order, or on the alert region when no field is to blame. A field's
 * error goes away as soon as it is edited; the form is validated again on the next submit.
 */
export function useZodForm<Fields extends FieldValues, Output>(options: Options<Fields, Output>): ZodForm<Fields, Output> {
  // The resolver and the submit handler read the latest options (toInput closes over render state).
  const latest = useRef(options)
  latest.current = options
  const [resolver] = useState(() =>
    makeResolver<Fields, Output>(
      () => latest.current.schema,
      (values) => (latest.current.toInput ? latest.current.toInput(values) : values),
    ),
  )
  const methods = useForm<Fields, unknown, Output>({
    defaultValues: options.defaultValues,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    // Focus is moved below, in document order, for schema and server errors alike.
    shouldFocusError: false,
  })
  const formRef = useRef<HTMLFormElement>(null)
  const busyRef = useRef(false)
  const [error, setError] = useState<ErrorDetails | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  // Set by a failed submit; the focus moves once the submit is over and its errors are on screen.
  const focusPending = useRef(false)
  const { errors, isSubmitting } = methods.formState

  useEffect(() => {
    if (!focusPending.current || isSubmitting) return
    focusPending.current = false
    const form = formRef.current
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-form-alert]')
    target?.focus()
  })

  function setFieldErrors(fieldErrors: Record<string, string>): void {
    for (const [name, key] of Object.entries(fieldErrors)) {
      methods.setError(name as Path<Fields>, { type: 'server', message: key })
    }
  }

  async function submit(): Promise<boolean> {
    if (busyRef.current) return false
    let ok = false
    await methods.handleSubmit(
      async (data) => {
        busyRef.current = true
        setBusy(true)
        setError(null)
        try {
          await latest.current.onSubmit(data)
          setSaved(true)
          ok = true
        } catch (caught) {
          if (caught instanceof SudoCancelledError) return
          const details = describeError(caught)
          const field = latest.current.keyFields?.[details.key]
          if (field) {
            setFieldErrors({ ...details.fieldErrors, [field]: details.key })
          } else {
            setFieldErrors(details.fieldErrors)
            setError(details)
          }
          focusPending.current = true
        } finally {
          busyRef.current = false
          setBusy(false)
        }
      },
      () => {
        setError(null)
        focusPending.current = true
      },
    )()
    return ok
  }

  function clearFieldError(name: string): void {
    methods.clearErrors(name as Path<Fields>)
  }

  function edited(): void {
    setSaved(false)
    latest.current.onEdit?.()
  }

  function field(name: Path<Fields>, fieldOptions?: { onChange?: (value: string) => void }): FieldBinding {
    const message = errors[name]?.message
    return {
      ...methods.register(name, {
        onChange: (event: { target: { value: string } }) => {
          clearFieldError(name)
          edited()
          fieldOptions?.onChange?.(event.target.value)
        },
      }),
      error: typeof message === 'string' ? message : undefined,
    }
  }

  const fieldErrors: Record<string, string> = {}
  for (const [name, value] of Object.entries(errors)) {
    if (typeof value?.message === 'string') fieldErrors[name] = value.message
  }

  return { methods, formRef, fieldErrors, error, busy, saved, edited, submit, field, clearFieldError }
}

/**
 * zodResolver on the schema's input made from the fields; each error is put on its top-level field
 * (a chapter list or an address reports on its field) with a known i18n key as its message.
 */
function makeResolver<Fields extends FieldValues, Output>(
  schemaOf: () => ZodSchema<Output>,
  toInput: (values: Fields) => unknown,
): Resolver<Fields, unknown, Output> {
  return async (values, context, resolverOptions) => {
    // The shared schemas are zod 4 objects; the cast only narrows the resolver's generic field types.
    const zod = zodResolver(schemaOf() as never) as unknown as Resolver<FieldValues, unknown, Output>
    const result = await zod(toInput(values) as FieldValues, context, resolverOptions as never)
    if (Object.keys(result.errors).length === 0) return { values: result.values as Output, errors: {} }
    const errors: Record<string, { type: string; message: string }> = {}
    for (const [name, value] of Object.entries(result.errors)) {
      const message = firstMessage(value)
      errors[name] = { type: 'validation', message: fieldErrorKey(message) }
    }
    return { values: {}, errors: errors as FieldErrors<Fields> }
  }
}

function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  if ('message' in error && typeof error.message === 'string') return error.message
  for (const nested of Object.values(error)) {
    const message = firstMessage(nested)
    if (message !== undefined) return message
  }
  return undefined
}

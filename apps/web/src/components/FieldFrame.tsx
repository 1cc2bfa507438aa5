import type { ReactNode } from 'react'
import { useFieldIds } from '../lib/useFieldIds.ts'
import { FieldError } from './FieldError.tsx'
import { FieldHint } from './FieldHint.tsx'

/** What a control needs to be announced with its label, hint and error. */
export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

interface Props {
  label: string
  hint?: ReactNode
  /** An i18n key. */
  error?: string | undefined
  controlClassName?: string
  children: (control: ControlProps) => ReactNode
}

/** Label, hint, control and error of one form field, wired for screen readers. */
export function FieldFrame({ label, hint, error, controlClassName = 'field__control', children }: Props) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error)
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={hintId} hint={hint} />
      <div className={controlClassName}>{children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}</div>
      <FieldError id={errorId} error={error} />
    </div>
  )
}

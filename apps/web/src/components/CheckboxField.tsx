import type { ComponentProps, ReactNode } from 'react'
import { useFieldIds } from '../lib/useFieldIds.ts'
import { FieldError } from './FieldError.tsx'
import { FieldHint } from './FieldHint.tsx'

type InputProps = Omit<ComponentProps<'input'>, 'id' | 'type' | 'aria-invalid' | 'aria-describedby'>

interface Props extends InputProps {
  label: ReactNode
  hint?: ReactNode
  /** An i18n key. */
  error?: string | undefined
}

export function CheckboxField({ label, hint, error, ...input }: Props) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error)

  return (
    <div className={error ? 'check field--invalid' : 'check'}>
      <input
        {...input}
        id={id}
        type="checkbox"
        className="check__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <div className="check__text">
        <label htmlFor={id} className="check__label">
          {label}
        </label>
        <FieldHint id={hintId} hint={hint} />
        <FieldError id={errorId} error={error} />
      </div>
    </div>
  )
}

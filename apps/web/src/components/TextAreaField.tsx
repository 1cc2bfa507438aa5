import type { ReactNode, TextareaHTMLAttributes } from 'react'
import { useFieldIds } from '../lib/useFieldIds.ts'
import { FieldError } from './FieldError.tsx'
import { FieldHint } from './FieldHint.tsx'

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid' | 'aria-describedby'>

interface Props extends TextAreaProps {
  label: string
  hint?: ReactNode
  /** An i18n key. */
  error?: string | undefined
}

/** A multi-line text field (e.g. markdown), wired like TextField. */
export function TextAreaField({ label, hint, error, rows = 6, className, ...textarea }: Props) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error)
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={hintId} hint={hint} />
      <div className="field__control">
        <textarea
          {...textarea}
          id={id}
          rows={rows}
          className={className ? `input textarea ${className}` : 'input textarea'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  )
}

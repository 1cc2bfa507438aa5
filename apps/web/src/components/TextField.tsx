import { useState, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFieldIds } from '../lib/useFieldIds.ts'
import { FieldError } from './FieldError.tsx'
import { FieldHint } from './FieldHint.tsx'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>

export interface TextFieldProps extends InputProps {
  label: string
  /** Extra classes for the <input> (e.g. `input--code`). */
  className?: string
  /** An i18n key. */
  error?: string | undefined
  hint?: ReactNode
  /** Adds a show/hide button (password fields). */
  revealable?: boolean
}

export function TextField({
  label,
  error,
  hint,
  revealable = false,
  type = 'text',
  className,
  ...input
}: TextFieldProps) {
  const { t } = useTranslation()
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error)
  const [revealed, setRevealed] = useState(false)

  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={hintId} hint={hint} />
      <div className={revealable ? 'field__control field__control--reveal' : 'field__control'}>
        <input
          {...input}
          id={id}
          className={className ? `input ${className}` : 'input'}
          type={revealable && revealed ? 'text' : type}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {revealable ? (
          <button
            type="button"
            className="field__reveal"
            aria-controls={id}
            onClick={() => setRevealed((value) => !value)}
          >
            {revealed ? t('form.hidePassword') : t('form.showPassword')}
          </button>
        ) : null}
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  )
}

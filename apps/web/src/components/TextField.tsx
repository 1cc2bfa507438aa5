import { PASSWORD_MAX, PASSWORD_MIN } from '@jouwbot/shared'
import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>

interface Props extends InputProps {
  label: string
  /** Extra classes for the <input> (e.g. `input--code`). */
  className?: string
  /** An i18n key. */
  error?: string | undefined
  hint?: ReactNode
  /** Adds a show/hide button (password fields). */
  revealable?: boolean
}

export function TextField({ label, error, hint, revealable = false, type = 'text', className, ...input }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const [revealed, setRevealed] = useState(false)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined

  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
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
      {error ? (
        <p className="field__error" id={errorId}>
          {t(error, { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        </p>
      ) : null}
    </div>
  )
}

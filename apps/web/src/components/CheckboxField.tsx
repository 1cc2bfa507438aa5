import { useId, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'aria-invalid' | 'aria-describedby'>

interface Props extends InputProps {
  label: ReactNode
  hint?: ReactNode
  /** An i18n key. */
  error?: string | undefined
}

export function CheckboxField({ label, hint, error, ...input }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined

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
        {hint ? (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={errorId}>
            {t(error)}
          </p>
        ) : null}
      </div>
    </div>
  )
}

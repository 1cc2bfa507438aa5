import { useState, type ComponentProps, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldFrame } from './FieldFrame.tsx'

type InputProps = Omit<ComponentProps<'input'>, 'id' | 'aria-invalid' | 'aria-describedby'>

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
  const [revealed, setRevealed] = useState(false)

  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      controlClassName={revealable ? 'field__control field__control--reveal' : 'field__control'}
    >
      {(control) => (
        <>
          <input
            {...input}
            {...control}
            className={className ? `input ${className}` : 'input'}
            type={revealable && revealed ? 'text' : type}
          />
          {revealable ? (
            <button
              type="button"
              className="field__reveal"
              aria-controls={control.id}
              onClick={() => setRevealed((value) => !value)}
            >
              {revealed ? t('form.hidePassword') : t('form.showPassword')}
            </button>
          ) : null}
        </>
      )}
    </FieldFrame>
  )
}

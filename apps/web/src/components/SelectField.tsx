import { useId, type SelectHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid' | 'aria-describedby'>

interface Props extends SelectProps {
  label: string
  options: ReadonlyArray<{ value: string; label: string; lang?: string }>
  /** An i18n key. */
  error?: string | undefined
}

export function SelectField({ label, options, error, ...select }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__control">
        <select
          {...select}
          id={id}
          className="input select"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {t(error)}
        </p>
      ) : null}
    </div>
  )
}

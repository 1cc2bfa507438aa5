import type { SelectHTMLAttributes } from 'react'
import { useFieldIds } from '../lib/useFieldIds.ts'
import { FieldError } from './FieldError.tsx'

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid' | 'aria-describedby'>

interface Props extends SelectProps {
  label: string
  options: ReadonlyArray<{ value: string; label: string; lang?: string }>
  /** An i18n key. */
  error?: string | undefined
}

export function SelectField({ label, options, error, ...select }: Props) {
  const { id, errorId, describedBy } = useFieldIds(undefined, error)
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
          aria-describedby={describedBy}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  )
}

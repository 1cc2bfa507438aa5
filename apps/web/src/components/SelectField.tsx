import type { ComponentProps } from 'react'
import { FieldFrame } from './FieldFrame.tsx'

type SelectProps = Omit<ComponentProps<'select'>, 'id' | 'aria-invalid' | 'aria-describedby'>

interface Props extends SelectProps {
  label: string
  options: ReadonlyArray<{ value: string; label: string; lang?: string }>
  /** An i18n key. */
  error?: string | undefined
}

export function SelectField({ label, options, error, ...select }: Props) {
  return (
    <FieldFrame label={label} error={error}>
      {(control) => (
        <select {...select} {...control} className="input select">
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}

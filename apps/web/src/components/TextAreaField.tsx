import type { ComponentProps, ReactNode } from 'react'
import { FieldFrame } from './FieldFrame.tsx'

type TextAreaProps = Omit<ComponentProps<'textarea'>, 'id' | 'aria-invalid' | 'aria-describedby'>

interface Props extends TextAreaProps {
  label: string
  hint?: ReactNode
  /** An i18n key. */
  error?: string | undefined
}

/** A multi-line text field (e.g. markdown), wired like TextField. */
export function TextAreaField({ label, hint, error, rows = 6, className, ...textarea }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <textarea {...textarea} {...control} rows={rows} className={className ? `input textarea ${className}` : 'input textarea'} />
      )}
    </FieldFrame>
  )
}

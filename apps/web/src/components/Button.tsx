import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { Spinner } from './Spinner.tsx'

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'link'

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant
  /** While true the button is disabled and shows a spinner plus `pendingLabel` (if given). */
  pending?: boolean
  pendingLabel?: ReactNode
  block?: boolean
}

export function Button({
  variant = 'primary',
  pending = false,
  pendingLabel,
  block = false,
  type = 'button',
  disabled,
  className,
  children,
  ...rest
}: Props) {
  const classes = ['btn', `btn--${variant}`, block ? 'btn--block' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <button {...rest} type={type} className={classes} disabled={disabled || pending} aria-busy={pending || undefined}>
      {pending ? <Spinner /> : null}
      <span>{pending && pendingLabel ? pendingLabel : children}</span>
    </button>
  )
}

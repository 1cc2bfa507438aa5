import type { ReactNode } from 'react'

interface Props {
  tone?: 'success' | 'info' | 'warning'
  title?: ReactNode
  children?: ReactNode
  /** Live region politeness; static notices (already there on load) need none. */
  live?: boolean
}

export function Notice({ tone = 'info', title, children, live = true }: Props) {
  return (
    <div className={`notice notice--${tone}`} role={live ? 'status' : undefined}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  )
}

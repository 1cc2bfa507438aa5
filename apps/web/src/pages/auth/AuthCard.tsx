import type { ReactNode } from 'react'

interface Props {
  title: string
  intro?: ReactNode
  children: ReactNode
  footer?: ReactNode
}

/** The centred card used by the sign-up, log-in and link pages. */
export function AuthCard({ title, intro, children, footer }: Props) {
  return (
    <div className="auth-page">
      <div className="auth-card">
        <h1 className="auth-card__title">{title}</h1>
        {intro ? <p className="auth-card__intro">{intro}</p> : null}
        {children}
        {footer ? <div className="auth-card__footer">{footer}</div> : null}
      </div>
    </div>
  )
}

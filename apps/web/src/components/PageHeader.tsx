import type { ReactNode } from 'react'

interface Props {
  /** The small line above the title (`.eyebrow`). */
  eyebrow: ReactNode
  title: ReactNode
  /** One line under the title; muted by default, `lead` for the larger public-page intro. */
  intro?: ReactNode
  lead?: boolean
  /** Anything else in the header, e.g. a status badge and links. */
  children?: ReactNode
}

/** The head of every page: eyebrow, the page's one <h1>, an intro line. */
export function PageHeader({ eyebrow, title, intro, lead = false, children }: Props) {
  return (
    <header className="page-head">
      <p className="eyebrow">{eyebrow}</p>
      <h1>{title}</h1>
      {intro ? <p className={lead ? 'lead' : 'muted'}>{intro}</p> : null}
      {children}
    </header>
  )
}

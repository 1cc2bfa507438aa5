import type { ReactNode } from 'react'

interface Props {
  id: string
  title: string
  intro?: ReactNode
  children: ReactNode
}

export function AccountSection({ id, title, intro, children }: Props) {
  return (
    <section id={id} className="card account-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="account-section__title">
        {title}
      </h2>
      {intro ? <p className="account-section__intro">{intro}</p> : null}
      {children}
    </section>
  )
}

import { useId, type ReactNode } from 'react'

interface Props {
  title: ReactNode
  /** Next to the title (e.g. a status badge): title and aside then share one row. */
  aside?: ReactNode
  /** Extra classes besides `card admin-section`. */
  className?: string
  children: ReactNode
}

/** One titled card of an admin page; the title names the section for screen readers. */
export function AdminSection({ title, aside, className, children }: Props) {
  const titleId = useId()
  const heading = (
    <h2 id={titleId} className="admin-section__title">
      {title}
    </h2>
  )
  return (
    <section className={className ? `card admin-section ${className}` : 'card admin-section'} aria-labelledby={titleId}>
      {aside ? (
        <div className="admin-list__main">
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  )
}

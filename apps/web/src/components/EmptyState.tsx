import { Link } from 'react-router'

interface Props {
  title: string
  text: string
  /** Where to go instead, e.g. the catalog. */
  to: string
  action: string
}

/** An empty list on a member page: what is missing and where to go next. */
export function EmptyState({ title, text, to, action }: Props) {
  return (
    <div className="empty-state empty-state--small">
      <h2>{title}</h2>
      <p className="muted">{text}</p>
      <Link className="btn btn--primary" to={to}>
        {action}
      </Link>
    </div>
  )
}

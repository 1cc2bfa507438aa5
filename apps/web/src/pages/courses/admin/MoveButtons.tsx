import { useTranslation } from 'react-i18next'

interface Props {
  /** Whose place changes, for screen readers: "Module 2: Bouwen". */
  name: string
  first: boolean
  last: boolean
  disabled: boolean
  onMove: (direction: -1 | 1) => void
}

/** ↑/↓ buttons; the arrow is hidden from screen readers, the button name says what moves. */
export function MoveButtons({ name, first, last, disabled, onMove }: Props) {
  const { t } = useTranslation()
  return (
    <span className="move-buttons">
      <button
        type="button"
        className="btn btn--ghost btn--icon"
        disabled={disabled || first}
        aria-label={t('admin.content.moveUp', { name })}
        title={t('admin.content.moveUp', { name })}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--icon"
        disabled={disabled || last}
        aria-label={t('admin.content.moveDown', { name })}
        title={t('admin.content.moveDown', { name })}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </span>
  )
}

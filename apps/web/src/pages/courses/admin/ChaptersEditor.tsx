import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldError } from '../../../components/FieldError.tsx'

export interface ChapterRow {
  /** Stable React key for the row. */
  key: number
  start: string
  title: string
}

interface Props {
  rows: ChapterRow[]
  onChange: (rows: ChapterRow[]) => void
  /** An i18n key for the whole list (e.g. out of order). */
  error?: string | undefined
}

let nextKey = 1
export const chapterRow = (start = '', title = ''): ChapterRow => ({ key: nextKey++, start, title })

/** Chapters as rows of start second + title, with add and remove. */
export function ChaptersEditor({ rows, onChange, error }: Props) {
  const { t } = useTranslation()
  const legendId = useId()
  const errorId = useId()
  const update = (key: number, change: Partial<ChapterRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)))

  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={error ? errorId : undefined}>
      <legend id={legendId} className="field__label">
        {t('admin.chapters.title')}
      </legend>
      <p className="field__hint">{t('admin.chapters.hint')}</p>
      {rows.length === 0 ? <p className="muted">{t('admin.chapters.empty')}</p> : null}
      <ol className="chapters-editor">
        {rows.map((row, index) => (
          <li key={row.key} className="chapters-editor__row">
            <label className="chapters-editor__start">
              <span className="field__label">{t('admin.chapters.start', { number: index + 1 })}</span>
              <input
                className="input"
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={row.start}
                onChange={(event) => update(row.key, { start: event.target.value })}
              />
            </label>
            <label className="chapters-editor__name">
              <span className="field__label">{t('admin.chapters.name', { number: index + 1 })}</span>
              <input
                className="input"
                maxLength={200}
                value={row.title}
                onChange={(event) => update(row.key, { title: event.target.value })}
              />
            </label>
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
            >
              {t('admin.chapters.remove')}
              <span className="visually-hidden"> {t('admin.chapters.rowName', { number: index + 1 })}</span>
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className="btn btn--secondary" onClick={() => onChange([...rows, chapterRow()])}>
          {t('admin.chapters.add')}
        </button>
      </div>
      <FieldError id={errorId} error={error} />
    </fieldset>
  )
}

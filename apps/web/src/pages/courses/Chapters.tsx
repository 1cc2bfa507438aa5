import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatClock } from '../../lib/format.ts'
import type { Lesson } from './types.ts'
import { activeIndex } from '../../lib/vtt.ts'

interface Props {
  chapters: Lesson['chapters']
  time: number
  onSeek: (seconds: number) => void
}

/** The lesson's chapters: each one jumps to its start; the one playing now is marked. */
export const Chapters = memo(function Chapters({ chapters, time, onSeek }: Props) {
  const { t } = useTranslation()
  const titleId = useId()
  const current = activeIndex(
    chapters.map((chapter) => ({ start: chapter.startSeconds })),
    time,
  )
  return (
    <section className="card lesson-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="lesson-panel__title">
        {t('lesson.chapters')}
      </h2>
      <ol className="chapters">
        {chapters.map((chapter, index) => (
          <li key={`${chapter.startSeconds}-${chapter.title}`}>
            <button
              type="button"
              className="seek-item"
              aria-current={index === current ? 'true' : undefined}
              onClick={() => onSeek(chapter.startSeconds)}
            >
              <span className="seek-item__time">{formatClock(chapter.startSeconds)}</span>
              <span className="seek-item__text">{chapter.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
})

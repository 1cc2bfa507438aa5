import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lesson } from './types.ts'
import { activeIndex } from '../../lib/vtt.ts'
import { SeekItem } from './SeekItem.tsx'

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
            <SeekItem seconds={chapter.startSeconds} current={index === current} onSeek={onSeek}>
              {chapter.title}
            </SeekItem>
          </li>
        ))}
      </ol>
    </section>
  )
})

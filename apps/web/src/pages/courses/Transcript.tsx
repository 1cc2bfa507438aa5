import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../../components/TextField.tsx'
import { matchesSearch, splitMatches } from '../../lib/search.ts'
import { activeIndex, type Cue } from '../../lib/vtt.ts'
import { SeekItem } from './SeekItem.tsx'
import { useSidePanelOpen } from './useSidePanelOpen.ts'

interface Props {
  cues: Cue[]
  time: number
  onSeek: (seconds: number) => void
}

/**
 * The captions as a readable, searchable transcript. A cue jumps to its moment in the video; the
 * cue being spoken is marked and kept in view (unless the viewer is searching or pointing at it).
 * A <details> like the curriculum: open on wide screens, folded on a phone (useSidePanelOpen), its
 * search and lines rendered only when open.
 */
export const Transcript = memo(function Transcript({ cues, time, onSeek }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useSidePanelOpen(true)
  const [query, setQuery] = useState('')
  const listRef = useRef<HTMLOListElement>(null)
  const current = activeIndex(cues, time)
  const shown = useMemo(
    () => cues.map((cue, index) => ({ cue, index })).filter(({ cue }) => matchesSearch(cue.text, query)),
    [cues, query],
  )
  const searching = query.trim() !== ''

  // New search results start at the top. Not at mount, where the list is at the top already:
  // setting scrollTop lays the page out, which in hydration's effects made a long task.
  const shownQuery = useRef(query)
  useEffect(() => {
    if (shownQuery.current === query) return
    shownQuery.current = query
    if (listRef.current) listRef.current.scrollTop = 0
  }, [query])

  useEffect(() => {
    const list = listRef.current
    if (!list || searching || current < 0 || list.matches(':hover')) return
    const item = list.querySelector<HTMLElement>('[aria-current="true"]')
    if (!item) return
    const top = item.offsetTop
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3)
    }
  }, [current, searching, open])

  return (
    <details className="card lesson-panel transcript" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="transcript__summary">
        <span className="lesson-panel__title">{t('transcript.title')}</span>
        <span className="transcript__lines">{t('transcript.lines', { count: cues.length })}</span>
      </summary>
      {open ? (
        <>
          <TextField
            type="search"
            label={t('transcript.search')}
            name="transcript-search"
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <p className="transcript__count" role="status">
            {searching ? (shown.length > 0 ? t('transcript.results', { count: shown.length }) : t('transcript.noResults')) : ''}
          </p>
          {shown.length > 0 ? (
            <ol className="transcript__list" ref={listRef} aria-label={t('transcript.listLabel')}>
              {shown.map(({ cue, index }) => (
                <li key={index}>
                  <SeekItem seconds={cue.start} current={index === current} onSeek={onSeek}>
                    {splitMatches(cue.text.replace(/\n/g, ' '), query).map((piece, i) =>
                      piece.match ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
                    )}
                  </SeekItem>
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </details>
  )
})

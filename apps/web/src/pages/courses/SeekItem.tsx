import type { ReactNode } from 'react'
import { formatClock } from '../../lib/format.ts'

/** One row of a list that moves the video (a chapter, a transcript line): its time and its text. */
export function SeekItem({ seconds, current, onSeek, children }: { seconds: number; current: boolean; onSeek: (seconds: number) => void; children: ReactNode }) {
  return (
    <button type="button" className="seek-item" aria-current={current ? 'true' : undefined} onClick={() => onSeek(seconds)}>
      <span className="seek-item__time">{formatClock(seconds)}</span>
      <span className="seek-item__text">{children}</span>
    </button>
  )
}

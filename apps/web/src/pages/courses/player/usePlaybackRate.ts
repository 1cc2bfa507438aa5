import { useEffect, useState, type RefObject } from 'react'
import { PLAYBACK_RATES, readPlaybackRate, storePlaybackRate } from '../../../lib/playerPrefs.ts'

/** The remembered playback speed, applied to the video now and after every (re)load of its source. */
export function usePlaybackRate(videoRef: RefObject<HTMLVideoElement | null>, source: unknown) {
  const [rate, setRate] = useState(readPlaybackRate)

  function apply(): void {
    const video = videoRef.current
    if (!video) return
    video.defaultPlaybackRate = rate
    video.playbackRate = rate
  }

  // `apply` reads this render's rate; a new source resets the element's speed.
  useEffect(apply, [rate, source, videoRef])

  function change(value: number): void {
    setRate(value)
    storePlaybackRate(value)
  }

  /** The speed menu: the usual speeds, plus the current one when it is another (set elsewhere). */
  const rates: number[] = PLAYBACK_RATES.includes(rate as (typeof PLAYBACK_RATES)[number])
    ? [...PLAYBACK_RATES]
    : [...PLAYBACK_RATES, rate].sort((a, b) => a - b)

  return { rate, rates, change, apply }
}

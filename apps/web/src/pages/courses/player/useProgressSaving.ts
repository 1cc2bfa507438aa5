import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { sendProgressBeacon } from '../../../lib/progressBeacon.ts'
import { mergeRanges, timeRangesToArray, type Range } from '../../../lib/ranges.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import type { Lesson, SaveProgressInput } from '../types.ts'

/** While playing, progress is saved this often (and on pause, at the end and when leaving). */
const SAVE_INTERVAL_MS = 10_000

interface Options {
  lesson: Lesson
  queryInput: { courseSlug: string; lessonSlug: string }
  /** Only signed-in viewers have progress to save (free previews are open to everyone). */
  canSave: boolean
  videoRef: RefObject<HTMLVideoElement | null>
  playing: boolean
}

/**
 * Saves where the viewer is and what they played: every ~10 s while playing, on pause and at the end
 * (`saveNow`), by beacon when the page is hidden or left, and by an ordinary call when the player
 * unmounts inside the app. What was played with an earlier source of this page view is kept
 * (`rememberPlayed`) because a new source starts with an empty `played`.
 */
export function useProgressSaving({ lesson, queryInput, canSave, videoRef, playing }: Options) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [saveFailed, setSaveFailed] = useState(false)
  const latest = useRef({ lesson, canSave })
  latest.current = { lesson, canSave }
  /** What was played with earlier sources in this page view (a new source starts empty). */
  const earlierRanges = useRef<Range[]>([])
  /** The last state sent, so a pause right after a save (or pagehide after visibilitychange) is not sent twice. */
  const lastSent = useRef('')

  const lessonKey = trpc.lesson.get.queryKey(queryInput)
  const save = useMutation(
    trpc.lesson.saveProgress.mutationOptions({
      onSuccess: (progress) => {
        setSaveFailed(false)
        queryClient.setQueryData(lessonKey, (old) => (old ? { ...old, progress } : old))
        // Checkmarks, module percentages and "continue where you were" change with it.
        void queryClient.invalidateQueries(trpc.course.outline.pathFilter())
      },
      onError: () => {
        lastSent.current = ''
        setSaveFailed(true)
      },
    }),
  )
  const saveRef = useRef(save.mutate)
  saveRef.current = save.mutate

  /** The progress of this page view, or null when there is nothing new to tell the server. */
  function progressInput(video: HTMLVideoElement): SaveProgressInput | null {
    if (!latest.current.canSave) return null
    const playedRanges = mergeRanges(earlierRanges.current, timeRangesToArray(video.played))
    if (playedRanges.length === 0) return null
    const positionSeconds = video.currentTime
    const fingerprint = `${positionSeconds.toFixed(1)}|${playedRanges.map(([a, b]) => `${a.toFixed(1)}-${b.toFixed(1)}`).join(',')}`
    if (fingerprint === lastSent.current) return null
    lastSent.current = fingerprint
    // The server accepts at most 500 ranges; merged ranges of one page view stay far below that.
    return { lessonId: latest.current.lesson.id, positionSeconds, playedRanges: playedRanges.slice(-500), clientTime: new Date() }
  }
  const progressInputRef = useRef(progressInput)
  progressInputRef.current = progressInput

  function saveNow(): void {
    const video = videoRef.current
    const input = video ? progressInput(video) : null
    if (input) save.mutate(input)
  }
  const saveNowRef = useRef(saveNow)
  saveNowRef.current = saveNow

  // Every ~10 s while playing.
  useEffect(() => {
    if (!playing) return
    const timer = window.setInterval(() => saveNowRef.current(), SAVE_INTERVAL_MS)
    return () => window.clearInterval(timer)
  }, [playing])

  // Leaving: the page may be gone before an ordinary request finishes, so use a beacon. Moving to
  // another page of the app (unmount) keeps the page alive: an ordinary call, with cache updates.
  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    const onHide = () => {
      const input = progressInputRef.current(video)
      if (input) sendProgressBeacon(input)
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide()
    }
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onVisibility)
      const input = progressInputRef.current(video)
      if (input) saveRef.current(input)
    }
  }, [videoRef])

  function rememberPlayed(video: HTMLVideoElement): void {
    earlierRanges.current = mergeRanges(earlierRanges.current, timeRangesToArray(video.played))
  }

  /** Everything played in this page view (earlier sources included): for the live "% bekeken". */
  function playedSoFar(video: HTMLVideoElement): Range[] {
    return mergeRanges(earlierRanges.current, timeRangesToArray(video.played))
  }

  return { saveNow, saveFailed, rememberPlayed, playedSoFar }
}

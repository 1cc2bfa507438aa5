import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { attachHls, hlsCandidate, nativeHls, type HlsPlayback } from '../../../lib/hls.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import type { Lesson } from '../types.ts'

/** Resume only from a position that is not right at the start or the end. */
const RESUME_MARGIN_SECONDS = 5
/** A media error this soon after getting a fresh URL is not an expired URL: give up and show it. */
const RECOVERY_COOLDOWN_MS = 20_000

/** What the <video> plays: HLS renditions through hls.js, or the MP4 (also the fallback). */
type Source = { kind: 'hls' | 'mp4'; url: string }

interface Options {
  lesson: Lesson
  video: NonNullable<Lesson['video']>
  queryInput: { courseSlug: string; lessonSlug: string }
  videoRef: RefObject<HTMLVideoElement | null>
  /** Where the viewer is and whether the video plays, as the element's events last said. */
  playback: RefObject<{ time: number; playing: boolean }>
  /** Keeps what the current source played before another one replaces it. */
  rememberPlayed: (video: HTMLVideoElement) => void
}

/**
 * The video's source, its resume position and its recovery.
 *
 * The signed video URL is kept in state and changes only when the player asks for a fresh one
 * (after a media error, e.g. because the hour-long signature expired): a background refetch of the
 * lesson must never restart a playing video.
 *
 * When the lesson has HLS renditions, the browser plays the master playlist natively where it can,
 * else hls.js (loaded on demand, only then) plays it through Media Source Extensions; if native
 * playback fails (the element's error) or hls.js is not supported or gives up (a fatal error), the
 * MP4 takes over at the same position. The source is
 * set on the element imperatively, in one effect, so hls.js is always destroyed (its blob: src
 * removed) before the next source is set, on source change and on unmount.
 */
export function useVideoSource({ lesson, video: videoInfo, queryInput, videoRef, playback, rememberPlayed }: Options) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [source, setSource] = useState<Source>(() =>
    lesson.hls && hlsCandidate() ? { kind: 'hls', url: lesson.hls.url } : { kind: 'mp4', url: videoInfo.url },
  )
  const [mediaFailed, setMediaFailed] = useState(false)
  const [refreshing, setRefreshing] = useState(false)
  const latestLesson = useRef(lesson)
  latestLesson.current = lesson
  /** Whether the saved position was applied (once per page view). */
  const resumed = useRef(false)
  /** Where to continue after the source was replaced by a fresh URL. */
  const continueAt = useRef<{ time: number; play: boolean } | null>(null)
  const lastRecovery = useRef(0)
  /** Whether the HLS source plays natively (the element reports its errors) rather than through hls.js. */
  const nativeHlsPlaying = useRef(false)
  const lessonKey = trpc.lesson.get.queryKey(queryInput)

  /** Switches to another source, continuing where the viewer was (the new source's `played` starts empty). */
  function replaceSource(next: Source): void {
    const video = videoRef.current
    continueAt.current = resumed.current ? { time: playback.current.time, play: playback.current.playing } : null
    if (video) rememberPlayed(video)
    setSource(next)
  }
  const fallBackRef = useRef<() => void>(() => undefined)
  fallBackRef.current = () => {
    const fresh = queryClient.getQueryData(lessonKey)?.video ?? videoInfo
    replaceSource({ kind: 'mp4', url: fresh.url })
  }

  // The source on the element: the MP4 URL as `src`, or hls.js attached (and destroyed again).
  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    if (source.kind === 'mp4') {
      // Also when the URL is the same as before: assigning `src` reloads it (the recovery path relies on it).
      video.src = source.url
      return
    }
    nativeHlsPlaying.current = nativeHls(video)
    if (nativeHlsPlaying.current) {
      video.src = source.url
      return
    }
    let cancelled = false
    let attachedPlayback: HlsPlayback | null = null
    attachHls(video, source.url, () => {
      if (!cancelled) fallBackRef.current()
    })
      .then((attached) => {
        if (cancelled) attached?.destroy()
        else if (attached) attachedPlayback = attached
        else fallBackRef.current() // hls.js cannot play here
      })
      .catch(() => {
        if (!cancelled) fallBackRef.current() // e.g. the chunk failed to load
      })
    return () => {
      cancelled = true
      attachedPlayback?.destroy()
    }
  }, [source, videoRef])

  /** On loadedmetadata: continue after a new source, or resume at the saved position once. */
  function onLoadedMetadata(): void {
    const video = videoRef.current
    if (!video) return
    const duration = Number.isFinite(video.duration) ? video.duration : latestLesson.current.durationSeconds
    const pending = continueAt.current
    if (pending) {
      continueAt.current = null
      video.currentTime = Math.min(pending.time, duration)
      if (pending.play) void video.play().catch(() => undefined)
      return
    }
    if (resumed.current) return
    resumed.current = true
    const position = latestLesson.current.progress.positionSeconds
    // Not when the viewer already moved (e.g. clicked a chapter before the metadata was there).
    if (video.currentTime < 1 && position > RESUME_MARGIN_SECONDS && position < duration - RESUME_MARGIN_SECONDS) {
      video.currentTime = position
    }
  }

  /** A media error: most likely the signed URL expired. Get a fresh one and continue where we were. */
  async function recover(): Promise<void> {
    const video = videoRef.current
    if (!video || refreshing) return
    if (Date.now() - lastRecovery.current < RECOVERY_COOLDOWN_MS) {
      setMediaFailed(true)
      return
    }
    lastRecovery.current = Date.now()
    // Before the first metadata the saved position still applies; afterwards, where the viewer was.
    continueAt.current = resumed.current ? { time: playback.current.time, play: playback.current.playing } : null
    rememberPlayed(video)
    setRefreshing(true)
    try {
      await queryClient.invalidateQueries(trpc.lesson.get.queryFilter(queryInput), { throwOnError: true })
      const fresh = queryClient.getQueryData(lessonKey)?.video
      if (!fresh) {
        setMediaFailed(true)
        return
      }
      setMediaFailed(false)
      // A new object even when the server signed the same URL again: the source effect reloads it.
      setSource({ kind: 'mp4', url: fresh.url })
    } catch {
      setMediaFailed(true)
    } finally {
      setRefreshing(false)
    }
  }

  function onError(): void {
    if (source.kind === 'hls') {
      // hls.js handles (and reports as fatal, see the source effect) what goes wrong while it plays;
      // native HLS that fails hands over to the MP4 like a fatal hls.js error.
      const error = videoRef.current?.error
      if (nativeHlsPlaying.current && error && error.code !== MediaError.MEDIA_ERR_ABORTED) fallBackRef.current()
      return
    }
    const error = videoRef.current?.error
    if (!error || error.code === MediaError.MEDIA_ERR_ABORTED) return
    void recover()
  }

  /** The retry button after a failure: tries again at once, whatever the cooldown says. */
  function retry(): void {
    lastRecovery.current = 0
    void recover()
  }

  return { source, mediaFailed, refreshing, onLoadedMetadata, onError, retry }
}

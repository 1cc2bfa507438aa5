import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { formatDecimal } from '../../lib/format.ts'
import { attachHls, hlsCandidate, type HlsPlayback } from '../../lib/hls.ts'
import {
  PLAYBACK_RATES,
  readCaptionsOn,
  readPlaybackRate,
  storeCaptionsOn,
  storePlaybackRate,
} from '../../lib/playerPrefs.ts'
import { sendProgressBeacon } from '../../lib/progressBeacon.ts'
import { mergeRanges, timeRangesToArray, type Range } from '../../lib/ranges.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { Lesson, SaveProgressInput } from './types.ts'
import { useLocale } from '../../lib/useLocale.ts'

/** While playing, progress is saved this often (and on pause, at the end and when leaving). */
const SAVE_INTERVAL_MS = 10_000
/** Resume only from a position that is not right at the start or the end. */
const RESUME_MARGIN_SECONDS = 5
/** A media error this soon after getting a fresh URL is not an expired URL: give up and show it. */
const RECOVERY_COOLDOWN_MS = 20_000

/** What the <video> plays: HLS renditions through hls.js, or the MP4 (also the fallback). */
type Source = { kind: 'hls' | 'mp4'; url: string }

interface Props {
  lesson: Lesson
  video: NonNullable<Lesson['video']>
  queryInput: { courseSlug: string; lessonSlug: string }
  /** Only signed-in viewers have progress to save (free previews are open to everyone). */
  canSave: boolean
  videoRef: RefObject<HTMLVideoElement | null>
  onTime: (seconds: number) => void
}

/**
 * The lesson video with native controls, a remembered playback speed, Dutch captions, resume and
 * progress saving. Mounted once per lesson (the page keys it by lesson id).
 *
 * The signed video URL is kept in state and changes only when the player asks for a fresh one
 * (after a media error, e.g. because the hour-long signature expired): a background refetch of the
 * lesson must never restart a playing video.
 *
 * When the lesson has HLS renditions and the browser has Media Source Extensions, hls.js (loaded on
 * demand) plays the master playlist (see lib/hls.ts for why also where native HLS is reported); if hls.js is
 * not supported or gives up (a fatal error), the MP4 takes over at the same position. The source is
 * set on the element imperatively, in one effect, so hls.js is always destroyed (its blob: src
 * removed) before the next source is set, on source change and on unmount.
 */
export function LessonPlayer({ lesson, video: videoInfo, queryInput, canSave, videoRef, onTime }: Props) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const rateId = useId()
  const [source, setSource] = useState<Source>(() =>
    lesson.hls && hlsCandidate() ? { kind: 'hls', url: lesson.hls.url } : { kind: 'mp4', url: videoInfo.url },
  )
  const [rate, setRate] = useState(readPlaybackRate)
  const [captionsOn, setCaptionsOn] = useState(readCaptionsOn)
  const [captionsUrl, setCaptionsUrl] = useState<string | null>(null)
  const [playing, setPlaying] = useState(false)
  const [mediaFailed, setMediaFailed] = useState(false)
  const [refreshing, setRefreshing] = useState(false)
  const [saveFailed, setSaveFailed] = useState(false)
  const trackRef = useRef<HTMLTrackElement>(null)

  const latest = useRef({ lesson, canSave })
  latest.current = { lesson, canSave }
  /** Whether the saved position was applied (once per page view). */
  const resumed = useRef(false)
  /** Where to continue after the source was replaced by a fresh URL. */
  const continueAt = useRef<{ time: number; play: boolean } | null>(null)
  /** What was played with earlier sources in this page view (a new source starts empty). */
  const earlierRanges = useRef<Range[]>([])
  const lastTime = useRef(0)
  const playingRef = useRef(false)
  const lastRecovery = useRef(0)
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

  // Playback speed: applied now and after every (re)load of the source.
  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    video.defaultPlaybackRate = rate
    video.playbackRate = rate
  }, [rate, source, videoRef])

  /** Switches to another source, continuing where the viewer was (the new source's `played` starts empty). */
  function replaceSource(next: Source): void {
    const video = videoRef.current
    continueAt.current = resumed.current ? { time: lastTime.current, play: playingRef.current } : null
    if (video) earlierRanges.current = mergeRanges(earlierRanges.current, timeRangesToArray(video.played))
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
    let cancelled = false
    let playback: HlsPlayback | null = null
    attachHls(video, source.url, () => {
      if (!cancelled) fallBackRef.current()
    })
      .then((attached) => {
        if (cancelled) attached?.destroy()
        else if (attached) playback = attached
        else fallBackRef.current() // hls.js cannot play here
      })
      .catch(() => {
        if (!cancelled) fallBackRef.current() // e.g. the chunk failed to load
      })
    return () => {
      cancelled = true
      playback?.destroy()
    }
  }, [source, videoRef])

  // Captions: the VTT text comes with the lesson; the <track> reads it from a Blob URL (media-src blob:).
  const vtt = lesson.captionsVtt
  useEffect(() => {
    if (!vtt) return
    const url = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }))
    setCaptionsUrl(url)
    return () => {
      URL.revokeObjectURL(url)
      setCaptionsUrl(null)
    }
  }, [vtt])

  useEffect(() => {
    const track = trackRef.current?.track
    if (track) track.mode = captionsOn ? 'showing' : 'hidden'
  }, [captionsOn, captionsUrl])

  // The native controls have their own captions menu: follow it.
  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    const tracks = video.textTracks
    const onChange = () => {
      const track = trackRef.current?.track
      if (!track) return
      const showing = track.mode === 'showing'
      setCaptionsOn((current) => {
        if (current !== showing) storeCaptionsOn(showing)
        return showing
      })
    }
    tracks.addEventListener('change', onChange)
    return () => tracks.removeEventListener('change', onChange)
  }, [videoRef])

  function onLoadedMetadata(): void {
    const video = videoRef.current
    if (!video) return
    video.defaultPlaybackRate = rate
    video.playbackRate = rate
    const duration = Number.isFinite(video.duration) ? video.duration : latest.current.lesson.durationSeconds
    const pending = continueAt.current
    if (pending) {
      continueAt.current = null
      video.currentTime = Math.min(pending.time, duration)
      if (pending.play) void video.play().catch(() => undefined)
      return
    }
    if (resumed.current) return
    resumed.current = true
    const position = latest.current.lesson.progress.positionSeconds
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
    continueAt.current = resumed.current ? { time: lastTime.current, play: playingRef.current } : null
    earlierRanges.current = mergeRanges(earlierRanges.current, timeRangesToArray(video.played))
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
    // hls.js handles (and reports as fatal, see the source effect) what goes wrong while it plays.
    if (source.kind === 'hls') return
    const error = videoRef.current?.error
    if (!error || error.code === MediaError.MEDIA_ERR_ABORTED) return
    void recover()
  }

  function changeRate(value: number): void {
    setRate(value)
    storePlaybackRate(value)
  }

  function toggleCaptions(): void {
    const next = !captionsOn
    setCaptionsOn(next)
    storeCaptionsOn(next)
  }

  const rates: number[] = PLAYBACK_RATES.includes(rate as (typeof PLAYBACK_RATES)[number])
    ? [...PLAYBACK_RATES]
    : [...PLAYBACK_RATES, rate].sort((a, b) => a - b)
  const watched = lesson.progress.watchedPercent

  return (
    <section className="player" aria-label={t('player.label')}>
      <div className="player__frame">
        <video
          ref={videoRef}
          className="player__video"
          controls
          preload="metadata"
          playsInline
          onLoadedMetadata={onLoadedMetadata}
          onTimeUpdate={(event) => {
            lastTime.current = event.currentTarget.currentTime
            onTime(event.currentTarget.currentTime)
          }}
          onSeeked={(event) => onTime(event.currentTarget.currentTime)}
          onPlay={() => {
            playingRef.current = true
            setPlaying(true)
          }}
          onPause={() => {
            playingRef.current = false
            setPlaying(false)
            saveNow()
          }}
          onEnded={() => {
            playingRef.current = false
            setPlaying(false)
            saveNow()
          }}
          onRateChange={(event) => {
            // Also follows the speed menu of the native controls.
            const value = event.currentTarget.playbackRate
            if (value !== rate && value >= 0.25 && value <= 4) changeRate(value)
          }}
          onError={onError}
        >
          {captionsUrl ? <track ref={trackRef} kind="captions" srcLang="nl" label="Nederlands" src={captionsUrl} /> : null}
          <p>{t('player.unsupported')}</p>
        </video>
      </div>
      {mediaFailed ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__message">{t('player.failed')}</p>
          <div>
            <Button
              variant="secondary"
              pending={refreshing}
              onClick={() => {
                lastRecovery.current = 0
                void recover()
              }}
            >
              {t('common.retry')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="player__bar">
        <div className="player__control">
          <label htmlFor={rateId} className="player__label">
            {t('player.speed')}
          </label>
          <select
            id={rateId}
            className="input select player__select"
            value={String(rate)}
            onChange={(event) => changeRate(Number(event.target.value))}
          >
            {rates.map((value) => (
              <option key={value} value={String(value)}>
                {t('player.speedValue', { value: formatDecimal(value, locale) })}
              </option>
            ))}
          </select>
        </div>
        {captionsUrl ? (
          <button type="button" className="player__toggle" aria-pressed={captionsOn} onClick={toggleCaptions}>
            {t('player.captions')}
            <span className="player__toggle-state" aria-hidden="true">
              {captionsOn ? t('player.on') : t('player.off')}
            </span>
          </button>
        ) : null}
        {canSave ? (
          <p className="player__watched">
            {t('player.watched', { percent: watched })}
            {saveFailed ? <span className="player__save-failed"> · {t('player.saveFailed')}</span> : null}
          </p>
        ) : null}
      </div>
    </section>
  )
}

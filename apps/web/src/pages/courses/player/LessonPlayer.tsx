import { useRef, useState, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { PlayMarkIcon } from '../../../components/icons.tsx'
import { liveWatchedPercent } from '../../../lib/ranges.ts'
import type { Lesson } from '../types.ts'
import { PlayerBar } from './PlayerBar.tsx'
import { useCaptions } from './useCaptions.ts'
import { usePlaybackRate } from './usePlaybackRate.ts'
import { useProgressSaving } from './useProgressSaving.ts'
import { useVideoSource } from './useVideoSource.ts'

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
 * progress saving. Mounted once per lesson (the page keys it by lesson id). The parts live in hooks
 * next to it: useProgressSaving, useVideoSource (source, resume, recovery), usePlaybackRate and
 * useCaptions; PlayerBar is the row under the video.
 *
 * Until the viewer starts the video it shows its poster with one play button over it, and the native
 * controls come with the first play (from that button, a chapter or a line of the transcript): drawn
 * at load, their styles, icons and loading animation were about half of the lesson page's main-thread
 * work on a slow phone (bench:lighthouse), for a video most visitors of the page had not started yet.
 * The poster is markup over the video (module, title, brand), not an SVG `poster` image: an SVG with
 * text is a document of its own, and its layout alone was a 30-45 ms task on that phone. Like a
 * native poster it goes with the first play or seek (a resumed lesson shows its resume frame).
 */
export function LessonPlayer({ lesson, video, queryInput, canSave, videoRef, onTime }: Props) {
  const { t } = useTranslation()
  const [playing, setPlaying] = useState(false)
  const [started, setStarted] = useState(false)
  const [posterShown, setPosterShown] = useState(true)
  const playback = useRef({ time: 0, playing: false })
  const progress = useProgressSaving({ lesson, queryInput, canSave, videoRef, playing })
  const media = useVideoSource({ lesson, video, queryInput, videoRef, playback, rememberPlayed: progress.rememberPlayed })
  const speed = usePlaybackRate(videoRef, media.source)
  const captions = useCaptions(lesson.captionsVtt, videoRef)
  // "% bekeken" follows the playing video, not only each save (the server's figure is the floor).
  const [livePercent, setLivePercent] = useState(lesson.progress.watchedPercent)
  const watchedPercent = Math.max(livePercent, lesson.progress.watchedPercent)

  function setPlayingState(value: boolean): void {
    playback.current.playing = value
    setPlaying(value)
  }

  function start(): void {
    // The controls first, so that the focus can move to them: the button under it goes away.
    flushSync(() => setStarted(true))
    const element = videoRef.current
    if (!element) return
    element.focus()
    void element.play().catch(() => undefined)
  }

  return (
    <section className="player" aria-label={t('player.label')}>
      <div className="player__frame">
        <video
          ref={videoRef}
          className="player__video"
          controls={started}
          preload="metadata"
          playsInline
          onLoadedMetadata={() => {
            speed.apply()
            media.onLoadedMetadata()
          }}
          onTimeUpdate={(event) => {
            const element = event.currentTarget
            playback.current.time = element.currentTime
            onTime(element.currentTime)
            if (canSave) {
              const duration = lesson.durationSeconds > 0 ? lesson.durationSeconds : element.duration
              setLivePercent(liveWatchedPercent(lesson.progress.watchedPercent, [lesson.progress.watchedRanges, progress.playedSoFar(element)], duration))
            }
          }}
          onSeeking={() => setPosterShown(false)}
          onSeeked={(event) => onTime(event.currentTarget.currentTime)}
          onPlay={() => {
            setPosterShown(false)
            setStarted(true)
            setPlayingState(true)
          }}
          onPause={() => {
            setPlayingState(false)
            progress.saveNow()
          }}
          onEnded={() => {
            setPlayingState(false)
            progress.saveNow()
          }}
          onRateChange={(event) => {
            // Also follows the speed menu of the native controls.
            const value = event.currentTarget.playbackRate
            if (value !== speed.rate && value >= 0.25 && value <= 4) speed.change(value)
          }}
          onError={media.onError}
        >
          {captions.captionsUrl ? (
            <track ref={captions.trackRef} kind="captions" srcLang="nl" label="Nederlands" src={captions.captionsUrl} />
          ) : null}
          <p>{t('player.unsupported')}</p>
        </video>
        {posterShown ? (
          <div className="player__poster" aria-hidden="true">
            <span className="player__poster-eyebrow">{lesson.module.title}</span>
            <span className="player__poster-title">{lesson.title}</span>
            <span className="player__poster-brand">Jouw Bot</span>
          </div>
        ) : null}
        {started ? null : (
          <button type="button" className="player__start" onClick={start}>
            <span className="player__start-icon">
              <PlayMarkIcon size={40} />
            </span>
            <span className="visually-hidden">{t('player.start', { title: lesson.title })}</span>
          </button>
        )}
      </div>
      {media.mediaFailed ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__message">{t('player.failed')}</p>
          <div>
            <Button variant="secondary" pending={media.refreshing} onClick={media.retry}>
              {t('common.retry')}
            </Button>
          </div>
        </div>
      ) : null}
      <PlayerBar
        speed={speed}
        captions={captions}
        watched={canSave ? { percent: watchedPercent, saveFailed: progress.saveFailed } : null}
      />
    </section>
  )
}

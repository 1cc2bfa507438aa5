import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDecimal } from '@jouwbot/shared/money'
import { useLocale } from '../../../lib/useLocale.ts'
import type { useCaptions } from './useCaptions.ts'
import type { usePlaybackRate } from './usePlaybackRate.ts'

interface Props {
  speed: ReturnType<typeof usePlaybackRate>
  captions: ReturnType<typeof useCaptions>
  /** Shown to signed-in viewers only: how much of the lesson they watched, and a failed save. */
  watched: { percent: number; saveFailed: boolean } | null
}

/** Under the video: the speed menu, the captions switch and how much was watched. */
export function PlayerBar({ speed, captions, watched }: Props) {
  const { t } = useTranslation()
  const locale = useLocale()
  const rateId = useId()
  return (
    <div className="player__bar">
      <div className="player__control">
        <label htmlFor={rateId} className="player__label">
          {t('player.speed')}
        </label>
        <select
          id={rateId}
          className="input select player__select"
          value={String(speed.rate)}
          onChange={(event) => speed.change(Number(event.target.value))}
        >
          {speed.rates.map((value) => (
            <option key={value} value={String(value)}>
              {t('player.speedValue', { value: formatDecimal(value, locale) })}
            </option>
          ))}
        </select>
      </div>
      {captions.captionsUrl ? (
        <button type="button" className="player__toggle" aria-pressed={captions.captionsOn} onClick={captions.toggle}>
          {t('player.captions')}
          <span className="player__toggle-state" aria-hidden="true">
            {captions.captionsOn ? t('player.on') : t('player.off')}
          </span>
        </button>
      ) : null}
      {watched ? (
        <p className="player__watched">
          {t('player.watched', { percent: watched.percent })}
          {watched.saveFailed ? <span className="player__save-failed"> · {t('player.saveFailed')}</span> : null}
        </p>
      ) : null}
    </div>
  )
}

import { useId } from 'react'
import './ProgressBar.css'

interface Props {
  /** 0–100. */
  percent: number
  /** What the bar measures, e.g. "Voortgang in de cursus". */
  label: string
  /** The visible value text, e.g. "12 van 30 lessen voltooid". */
  valueText: string
  size?: 'small' | 'large'
}

/** A native <progress> (announced with its label), styled in course.css. */
export function ProgressBar({ percent, label, valueText, size = 'large' }: Props) {
  const id = useId()
  const value = Math.max(0, Math.min(100, Math.round(percent)))
  return (
    <div className={`progress progress--${size}`}>
      <div className="progress__text">
        <label htmlFor={id} className="progress__label">
          {label}
        </label>
        <span className="progress__value">{valueText}</span>
      </div>
      <progress id={id} className="progress__bar" max={100} value={value} aria-valuetext={valueText}>
        {value}%
      </progress>
    </div>
  )
}

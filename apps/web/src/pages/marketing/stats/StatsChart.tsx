import { useEffect, useRef, type ReactNode } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface ChartSeries {
  label: string
  values: number[]
  /** A CSS colour; the page's palette. */
  color: string
}

interface Props {
  /** Visible title of the figure (its caption). */
  title: string
  /** Times of the points, in seconds since 1970 (days or first days of months). */
  x: number[]
  series: ChartSeries[]
  kind: 'line' | 'bars'
  /** Formats a value on the y axis and in the legend. */
  format: (value: number) => string
  /** Formats a time (seconds) on the x axis and in the legend, in the page's language; `xLabel` names it. */
  formatX: (seconds: number) => string
  xLabel: string
  /** The same numbers as a table: always in the page (collapsed), for screen readers and keyboard users. */
  table: ReactNode
  tableLabel: string
}

/**
 * A uPlot chart (canvas, drawn once per data change and on resize) with its numbers as a table
 * below it. The canvas is hidden from screen readers: the table says the same.
 */
export function StatsChart({ title, x, series, kind, format, formatX, xLabel, table, tableLabel }: Props) {
  const target = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const element = target.current
    if (!element) return
    const width = () => Math.max(280, element.clientWidth)
    // Bars (months) stand on an ordinal axis, one labelled slot per bar; lines on a time axis.
    const bars = kind === 'bars'
    const xs = bars ? x.map((_, i) => i) : x
    const labelOf = (value: number) => (bars ? (x[value] === undefined || !Number.isInteger(value) ? '' : formatX(x[value])) : formatX(value))
    const options: uPlot.Options = {
      width: width(),
      height: 260,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: bars ? { time: false, range: () => [-0.5, x.length - 0.5] } : { time: true },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
      },
      axes: [
        {
          // On a narrow screen not every bar gets a label: about 56 px per label.
          values: (u, ticks) => {
            const every = bars ? Math.max(1, Math.ceil(56 / (u.bbox.width / devicePixelRatio / Math.max(1, x.length)))) : 1
            return ticks.map((tick, i) => (i % every === 0 ? labelOf(tick) : ''))
          },
          ...(bars ? { splits: () => xs } : {}),
        },
        { values: (_u, ticks) => ticks.map(format), size: 80 },
      ],
      series: [
        { label: xLabel, value: (_u: uPlot, value: number | null) => (value === null ? '–' : labelOf(value)) },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          fill: bars ? s.color : undefined,
          value: (_u: uPlot, value: number | null) => (value === null ? '–' : format(value)),
          ...(bars ? { paths: uPlot.paths.bars!({ size: [0.6, 60] }), points: { show: false } } : {}),
        })),
      ],
    }
    const chart = new uPlot(options, [xs, ...series.map((s) => s.values)], element)
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: 260 }))
    observer.observe(element)
    return () => {
      observer.disconnect()
      chart.destroy()
    }
  }, [x, series, kind, format, formatX, xLabel])

  return (
    <figure className="stats-chart">
      <figcaption className="stats-chart__title">{title}</figcaption>
      <div ref={target} className="stats-chart__canvas" aria-hidden="true" />
      <details className="stats-chart__table">
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </figure>
  )
}

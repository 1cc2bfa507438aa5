import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import type { ZoneFormat } from './useCoachingZone.ts'

/** Whose free times: a coach's type (logged in), optionally moving a booking; or a signed mail link's session. */
export type SlotSource = { coachId: string; sessionTypeId: string; rescheduleBookingId?: string } | { token: string }

interface Props {
  source: SlotSource
  format: ZoneFormat
  selected: string | null
  onPick: (startsAt: string) => void
}

interface Day {
  key: string
  label: string
  status: 'open' | 'full' | 'unavailable'
  slots: string[]
}

/** The Monday (YYYY-MM-DD) of a date's ISO week. */
function mondayOf(key: string): string {
  const date = new Date(`${key}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  return date.toISOString().slice(0, 10)
}

/**
 * The free times, computed on the server, shown in the member's zone. A week of columns on wide
 * screens, a list of days on phones (the same markup, CSS decides). Keyboard: one slot button is in
 * the tab order (roving tabindex); arrow up/down move within a day, left/right to the neighbouring
 * day, Home/End to the first/last time of the day. Full days say so; days without hours are left out.
 */
export function SlotPicker({ source, format, selected, onPick }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const byLink = 'token' in source
  const member = useQuery({
    ...trpc.coaching.slots.queryOptions(byLink ? { coachId: '', sessionTypeId: '' } : source),
    enabled: !byLink,
  })
  const linked = useQuery({ ...trpc.coaching.linkSlots.queryOptions({ token: byLink ? source.token : '' }), enabled: byLink })
  const slots = byLink ? linked : member
  const [week, setWeek] = useState(0)
  const [focus, setFocus] = useState<{ day: number; slot: number }>({ day: 0, slot: 0 })
  const grid = useRef<HTMLDivElement>(null)

  // Regroup by the member's date: a slot's day in the coach's zone may be another day here.
  const days = useMemo<Day[]>(() => {
    if (!slots.data) return []
    const byKey = new Map<string, Day>()
    for (const day of slots.data.days) {
      if (day.status === 'full') {
        const noon = `${day.date}T12:00:00Z`
        const key = format.dateKey(noon)
        if (!byKey.has(key)) byKey.set(key, { key, label: format.day(noon), status: 'full', slots: [] })
      }
      for (const slot of day.slots) {
        const key = format.dateKey(slot)
        const entry = byKey.get(key) ?? { key, label: format.day(slot), status: 'open' as const, slots: [] }
        entry.status = 'open'
        entry.slots.push(slot)
        byKey.set(key, entry)
      }
    }
    return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key))
  }, [slots.data, format])

  // Calendar weeks (Monday to Sunday) of the member's dates; a week shows only its days with times.
  const weekKeys = [...new Set(days.map((day) => mondayOf(day.key)))]
  const weeks = Math.max(1, weekKeys.length)
  const shown = days.filter((day) => mondayOf(day.key) === weekKeys[Math.min(week, weeks - 1)])

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement
    const dayIndex = Number(target.dataset.day)
    const slotIndex = Number(target.dataset.slot)
    if (Number.isNaN(dayIndex) || Number.isNaN(slotIndex)) return
    const open = (index: number) => (shown[index]?.slots.length ?? 0) > 0
    let next = { day: dayIndex, slot: slotIndex }
    if (event.key === 'ArrowDown') next.slot = Math.min(slotIndex + 1, shown[dayIndex]!.slots.length - 1)
    else if (event.key === 'ArrowUp') next.slot = Math.max(slotIndex - 1, 0)
    else if (event.key === 'Home') next.slot = 0
    else if (event.key === 'End') next.slot = shown[dayIndex]!.slots.length - 1
    else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const step = event.key === 'ArrowRight' ? 1 : -1
      let day = dayIndex + step
      while (day >= 0 && day < shown.length && !open(day)) day += step
      if (day < 0 || day >= shown.length) return
      next = { day, slot: Math.min(slotIndex, shown[day]!.slots.length - 1) }
    } else return
    event.preventDefault()
    setFocus(next)
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${next.day}"][data-slot="${next.slot}"]`)?.focus()
  }

  // The button in the tab order: the chosen one, else the remembered one, else the first.
  const firstOpen = shown.findIndex((day) => day.slots.length > 0)
  const tabStop = shown[focus.day]?.slots[focus.slot] ? focus : { day: firstOpen, slot: 0 }

  return (
    <QueryState query={slots} isEmpty={() => days.length === 0} empty={<p>{t('coachingPage.noSlots')}</p>}>
      {() => (
        <div className="slot-picker">
          <p className="muted">{t('coachingPage.timesIn', { zone: format.zone })}</p>
          <p className="visually-hidden" id="slot-keys">
            {t('coachingPage.slotKeys')}
          </p>
          {weeks > 1 ? (
            <div className="slot-picker__weeks">
              <Button variant="secondary" disabled={week === 0} onClick={() => setWeek(week - 1)}>
                {t('coachingPage.previousWeek')}
              </Button>
              <span aria-live="polite">{t('coachingPage.weekOf', { from: shown[0]?.label ?? '', to: shown.at(-1)?.label ?? '' })}</span>
              <Button variant="secondary" disabled={week >= weeks - 1} onClick={() => setWeek(week + 1)}>
                {t('coachingPage.nextWeek')}
              </Button>
            </div>
          ) : null}
          <div className="slot-week" ref={grid} onKeyDown={move} role="group" aria-label={t('coachingPage.slots')} aria-describedby="slot-keys">
            {shown.map((day, dayIndex) => (
              <section key={day.key} className="slot-day" aria-labelledby={`slot-day-${day.key}`}>
                <h3 className="slot-day__title" id={`slot-day-${day.key}`}>
                  {day.label}
                </h3>
                {day.status === 'full' ? (
                  <p className="slot-day__full">{t('coachingPage.full')}</p>
                ) : (
                  <ul className="slot-day__slots">
                    {day.slots.map((slot, slotIndex) => (
                      <li key={slot}>
                        <button
                          type="button"
                          className={slot === selected ? 'slot slot--selected' : 'slot'}
                          data-day={dayIndex}
                          data-slot={slotIndex}
                          tabIndex={tabStop.day === dayIndex && tabStop.slot === slotIndex ? 0 : -1}
                          aria-pressed={slot === selected}
                          aria-label={format.dateTime(slot)}
                          onFocus={() => setFocus({ day: dayIndex, slot: slotIndex })}
                          onClick={() => onPick(slot)}
                        >
                          {format.time(slot)}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </div>
      )}
    </QueryState>
  )
}

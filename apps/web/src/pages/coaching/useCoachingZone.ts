import { useQuery } from '@tanstack/react-query'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export interface ZoneFormat {
  zone: string
  tag: string
  /** "woensdag 3 juni 2026 om 10:00" */
  dateTime: (iso: string | Date) => string
  /** "woensdag 3 juni" */
  day: (iso: string | Date) => string
  /** "10:00" */
  time: (iso: string | Date) => string
  /** YYYY-MM-DD of the instant in the zone (for grouping). */
  dateKey: (iso: string | Date) => string
}

export function zoneFormat(zone: string, locale: 'nl' | 'en'): ZoneFormat {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB'
  const full = new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', timeZone: zone })
  const day = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', timeZone: zone })
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: zone })
  const key = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone })
  return {
    zone,
    tag,
    dateTime: (iso) => full.format(new Date(iso)),
    day: (iso) => day.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    dateKey: (iso) => key.format(new Date(iso)),
  }
}

/** The member's zone for coaching times: stored on the profile, else the browser's. */
export function useCoachingZone(): ZoneFormat & { stored: string | null; isPending: boolean } {
  const trpc = useTRPC()
  const locale = useLocale()
  const credits = useQuery(trpc.coaching.credits.queryOptions())
  const stored = credits.data?.timeZone ?? null
  return { ...zoneFormat(stored ?? browserZone(), locale), stored, isPending: credits.isPending }
}

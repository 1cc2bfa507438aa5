import { and, eq, sql, statDaily, statEvents } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'
import { addDays, deletePastSalts, statsDay } from './stats-day.ts'

export type AggregateOutcome = { day: string; rows: number } | { day: string; rows: number; kept: 'noRawEvents' }

/**
 * Rolls up one day of raw events into `stat_daily`: delete that day's totals, then count again from
 * `stat_events`, in one transaction — running it twice gives the same numbers. A day whose raw events
 * are gone (retention) while totals exist keeps its totals: rolling up nothing would erase them.
 */
export async function aggregateStatsDay(deps: Pick<AppDeps, 'db'>, { day }: { day: string }): Promise<AggregateOutcome> {
  return deps.db.transaction(async (tx) => {
    const raw = await tx.$count(statEvents, eq(statEvents.day, day))
    if (raw === 0) {
      const existing = await tx.$count(statDaily, eq(statDaily.day, day))
      if (existing > 0) return { day, rows: existing, kept: 'noRawEvents' as const }
    }
    await tx.delete(statDaily).where(eq(statDaily.day, day))
    const views = sql`from ${statEvents} where ${statEvents.day} = ${day} and ${statEvents.name} = 'pageview'`
    await tx.execute(sql`
      insert into ${statDaily} (day, dimension, key, visitors, count)
      select ${day}::date, 'total', '', count(distinct visitor_hash), count(*) ${views} having count(*) > 0`)
    await tx.execute(sql`
      insert into ${statDaily} (day, dimension, key, visitors, count)
      select ${day}::date, 'page', path, count(distinct visitor_hash), count(*) ${views} and path is not null group by path`)
    await tx.execute(sql`
      insert into ${statDaily} (day, dimension, key, visitors, count)
      select ${day}::date, 'section', '/' || split_part(path, '/', 2), count(distinct visitor_hash), count(*) ${views} and path is not null
      group by '/' || split_part(path, '/', 2)`)
    await tx.execute(sql`
      insert into ${statDaily} (day, dimension, key, visitors, count)
      select ${day}::date, 'referrer', referrer_host, count(distinct visitor_hash), count(*) ${views} and referrer_host is not null
      group by referrer_host`)
    await tx.execute(sql`
      insert into ${statDaily} (day, dimension, key, visitors, count)
      select ${day}::date, 'event', name, count(distinct visitor_hash), count(*)
      from ${statEvents} where ${statEvents.day} = ${day} and ${statEvents.name} <> 'pageview' group by name`)
    return { day, rows: await tx.$count(statDaily, and(eq(statDaily.day, day))) }
  })
}

/**
 * The roll-up job: yesterday (complete now) and today so far, so the dashboard is at most an hour
 * behind; then the salts of past days go (a hash of yesterday can no longer be recomputed).
 */
export async function rollUpStats(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<{ days: AggregateOutcome[]; saltsDeleted: number }> {
  const today = statsDay(deps.clock.now())
  const days = [await aggregateStatsDay(deps, { day: addDays(today, -1) }), await aggregateStatsDay(deps, { day: today })]
  return { days, saltsDeleted: await deletePastSalts(deps.db, today) }
}

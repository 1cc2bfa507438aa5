import { and, desc, eq, gte, isNotNull, lt, lte, newsletterSubscribers, orders, sql, statDaily, type DbOrTx, type SQL } from '@jouwbot/db'
import { statEventNames, type StatEventName } from '@jouwbot/shared'
import { addDays } from './stats-day.ts'

export interface StatsDashboard {
  from: string
  to: string
  /** One entry per day of the period (zero where nobody came). */
  days: { day: string; visitors: number; pageViews: number }[]
  /** Visitors are summed per day: hashes change daily, so one person on two days counts twice. */
  totals: { visitors: number; pageViews: number }
  topPages: { path: string; visitors: number; pageViews: number }[]
  referrers: { host: string; visitors: number; pageViews: number }[]
  events: Record<StatEventName, number>
  /** blog → e-book requested → confirmed → account → purchase; `rate` against the previous step. */
  funnel: { step: 'blog' | 'ebook_requested' | 'ebook_confirmed' | 'signup' | 'paid'; count: number; rate: number | null; overall: number | null }[]
  /** Paid orders by month of payment (Europe/Amsterdam), VAT included, in cents. */
  revenue: { month: string; orders: number; cents: number }[]
  /**
   * Per month of the period with sign-ups: confirmed sign-ups, people who unsubscribed that month (only
   * those not yet purged: unsubscribed people are deleted monthly), and the confirmed subscribers at the
   * month's end who are still on the list now.
   */
  newsletter: { month: string; joined: number; left: number; subscribers: number }[]
}

const TOP = 20

function ratio(count: number, of: number | undefined): number | null {
  return of === undefined || of === 0 ? null : count / of
}

/**
 * The admin dashboard for a period of calendar days. It reads only the daily roll-up (`stat_daily`)
 * and the orders, never the raw events, so a year costs a few hundred rows of work.
 */
export async function getStatsDashboard(deps: { db: DbOrTx }, { from, to }: { from: string; to: string }): Promise<StatsDashboard> {
  const { db } = deps
  const inPeriod = (dimension: 'total' | 'page' | 'section' | 'referrer' | 'event') =>
    and(eq(statDaily.dimension, dimension), gte(statDaily.day, from), lte(statDaily.day, to))

  const ranked = (dimension: 'page' | 'referrer') => {
    const pageViews = sql<number>`sum(${statDaily.count})::int`
    return db
      .select({ key: statDaily.key, visitors: sql<number>`sum(${statDaily.visitors})::int`, pageViews })
      .from(statDaily)
      .where(inPeriod(dimension))
      .groupBy(statDaily.key)
      .orderBy(desc(pageViews), statDaily.key)
      .limit(TOP)
  }
  // Payments are timestamps: the period is [from 00:00, to + 1 day 00:00) in Amsterdam.
  const month = sql<string>`to_char(${orders.paidAt} at time zone 'Europe/Amsterdam', 'YYYY-MM')`

  const periodStart = sql`(${from}::date)::timestamp at time zone 'Europe/Amsterdam'`
  const periodEnd = sql`(${addDays(to, 1)}::date)::timestamp at time zone 'Europe/Amsterdam'`
  const monthOf = (moment: SQL | typeof newsletterSubscribers.confirmedAt) => sql<string>`to_char(${moment} at time zone 'Europe/Amsterdam', 'YYYY-MM')`
  // Leaving is unsubscribing, or a hard bounce or complaint stopping the mail.
  const leftAt = sql`coalesce(${newsletterSubscribers.unsubscribedAt}, ${newsletterSubscribers.suppressedAt})`

  // Independent reads: on PostgreSQL they run side by side on the pool (PGlite queues them).
  const [totalRows, pages, referrerRows, eventRows, blogRows, revenueRows, joinedRows, leftRows, activeBefore] = await Promise.all([
    db.select({ day: statDaily.day, visitors: statDaily.visitors, pageViews: statDaily.count }).from(statDaily).where(inPeriod('total')),
    ranked('page'),
    ranked('referrer'),
    db
      .select({ name: statDaily.key, count: sql<number>`sum(${statDaily.count})::int` })
      .from(statDaily)
      .where(inPeriod('event'))
      .groupBy(statDaily.key),
    db
      .select({ visitors: sql<number>`coalesce(sum(${statDaily.visitors}), 0)::int` })
      .from(statDaily)
      .where(and(inPeriod('section'), eq(statDaily.key, '/blog'))),
    db
      .select({ month, orders: sql<number>`count(*)::int`, cents: sql<number>`coalesce(sum(${orders.totalCents}), 0)::bigint` })
      .from(orders)
      .where(
        and(
          isNotNull(orders.paidAt),
          gte(orders.paidAt, sql`(${from}::date)::timestamp at time zone 'Europe/Amsterdam'`),
          lt(orders.paidAt, sql`(${addDays(to, 1)}::date)::timestamp at time zone 'Europe/Amsterdam'`),
        ),
      )
      .groupBy(month)
      .orderBy(month),
    db
      .select({ month: monthOf(newsletterSubscribers.confirmedAt), count: sql<number>`count(*)::int` })
      .from(newsletterSubscribers)
      .where(and(gte(newsletterSubscribers.confirmedAt, periodStart), lt(newsletterSubscribers.confirmedAt, periodEnd)))
      .groupBy(monthOf(newsletterSubscribers.confirmedAt)),
    db
      .select({ month: monthOf(leftAt), count: sql<number>`count(*)::int` })
      .from(newsletterSubscribers)
      .where(and(isNotNull(newsletterSubscribers.confirmedAt), sql`${leftAt} >= ${periodStart}`, sql`${leftAt} < ${periodEnd}`))
      .groupBy(monthOf(leftAt)),
    // On the list when the period began (confirmed before it, not left before it): where the running total starts.
    db.$count(newsletterSubscribers, and(lt(newsletterSubscribers.confirmedAt, periodStart), sql`(${leftAt} is null or ${leftAt} >= ${periodStart})`)),
  ])

  const byDay = new Map(totalRows.map((row) => [row.day, row]))
  const days: StatsDashboard['days'] = []
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const row = byDay.get(day)
    days.push({ day, visitors: row?.visitors ?? 0, pageViews: row?.pageViews ?? 0 })
  }
  const events = Object.fromEntries(statEventNames.map((name) => [name, 0])) as Record<StatEventName, number>
  for (const row of eventRows) if (row.name in events) events[row.name as StatEventName] = Number(row.count)
  const steps = [
    ['blog', Number(blogRows[0]?.visitors ?? 0)],
    ['ebook_requested', events.ebook_requested],
    ['ebook_confirmed', events.ebook_confirmed],
    ['signup', events.signup],
    ['paid', events.paid],
  ] as const
  const funnel = steps.map(([step, count], index) => ({
    step,
    count,
    rate: index === 0 ? null : ratio(count, steps[index - 1]![1]),
    overall: index === 0 ? null : ratio(count, steps[0][1]),
  }))

  return {
    from,
    to,
    days,
    totals: { visitors: days.reduce((n, d) => n + d.visitors, 0), pageViews: days.reduce((n, d) => n + d.pageViews, 0) },
    topPages: pages.map((p) => ({ path: p.key, visitors: Number(p.visitors), pageViews: Number(p.pageViews) })),
    referrers: referrerRows.map((r) => ({ host: r.key, visitors: Number(r.visitors), pageViews: Number(r.pageViews) })),
    events,
    funnel,
    revenue: revenueRows.map((r) => ({ month: r.month, orders: Number(r.orders), cents: Number(r.cents) })),
    newsletter: newsletterGrowth(joinedRows, leftRows, activeBefore),
  }
}

function newsletterGrowth(joined: { month: string; count: number }[], left: { month: string; count: number }[], activeBefore: number): StatsDashboard['newsletter'] {
  const months = [...new Set([...joined, ...left].map((row) => row.month))].sort()
  const count = (rows: { month: string; count: number }[], month: string) => Number(rows.find((row) => row.month === month)?.count ?? 0)
  let subscribers = activeBefore
  return months.map((month) => {
    const monthJoined = count(joined, month)
    const monthLeft = count(left, month)
    subscribers += monthJoined - monthLeft
    return { month, joined: monthJoined, left: monthLeft, subscribers }
  })
}

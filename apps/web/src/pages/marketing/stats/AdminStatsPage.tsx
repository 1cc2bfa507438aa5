import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { DataTable } from '../../../components/DataTable.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { intlLocale } from '../../../lib/format.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { useTRPC, type RouterOutputs } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { StatsChart } from './StatsChart.tsx'
import './stats.css'

type Dashboard = RouterOutputs['admin']['stats']['dashboard']
const PERIODS = { '30': 30, '90': 90, '365': 365 } as const
type Period = keyof typeof PERIODS

/** Today in Amsterdam, `YYYY-MM-DD` (the statistics count Amsterdam calendar days). */
function amsterdamToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
const seconds = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000

/** /admin/statistieken: our own cookieless statistics, read from the daily totals. */
export function AdminStatsPage() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [period, setPeriod] = useState<Period>('30')
  useDocumentTitle(t('stats.admin.title'))
  const range = useMemo(() => {
    const to = amsterdamToday()
    return { from: addDays(to, -(PERIODS[period] - 1)), to }
  }, [period])
  const dashboard = useQuery(trpc.admin.stats.dashboard.queryOptions(range))

  return (
    <div className="container stats-page">
      <PageHeader eyebrow={t('stats.admin.eyebrow')} title={t('stats.admin.title')} intro={t('stats.admin.intro')} />
      <div className="stats-page__period">
        <SelectField
          label={t('stats.admin.period')}
          value={period}
          onChange={(event) => setPeriod(event.target.value as Period)}
          options={(Object.keys(PERIODS) as Period[]).map((value) => ({ value, label: t(`stats.admin.periods.${value}`) }))}
        />
      </div>
      <QueryState query={dashboard} isEmpty={() => false}>
        {(data) => <DashboardView data={data} />}
      </QueryState>
    </div>
  )
}

function DashboardView({ data }: { data: Dashboard }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const number = useMemo(() => new Intl.NumberFormat(intlLocale(locale)), [locale])
  const percent = useMemo(() => new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }), [locale])
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }), [locale])
  const monthFormat = useMemo(() => new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }), [locale])
  const formatCount = useMemo(() => (value: number) => number.format(value), [number])
  // Whole euros on the axis and in the legend; the table gives the exact amounts.
  const formatEuros = useMemo(() => {
    const euros = new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
    return (cents: number) => euros.format(Math.round(cents / 100))
  }, [locale])
  const formatDayTick = useMemo(() => {
    const short = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' })
    return (value: number) => short.format(new Date(value * 1000))
  }, [locale])
  const formatMonthTick = useMemo(() => {
    const short = new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' })
    return (value: number) => short.format(new Date(value * 1000))
  }, [locale])
  const day = (value: string) => dayFormat.format(new Date(`${value}T12:00:00Z`))
  const month = (value: string) => monthFormat.format(new Date(`${value}-01T12:00:00Z`))
  const rate = (value: number | null) => (value === null ? '–' : percent.format(value))

  const visitsX = useMemo(() => data.days.map((d) => seconds(d.day)), [data.days])
  const visitsSeries = useMemo(
    () => [
      { label: t('stats.admin.visitors'), values: data.days.map((d) => d.visitors), color: '#1f6feb' },
      { label: t('stats.admin.pageViews'), values: data.days.map((d) => d.pageViews), color: '#bf5a00' },
    ],
    [data.days, t],
  )
  const revenueX = useMemo(() => data.revenue.map((r) => seconds(`${r.month}-01`)), [data.revenue])
  const revenueSeries = useMemo(() => [{ label: t('stats.admin.revenue'), values: data.revenue.map((r) => r.cents), color: '#1a7f37' }], [data.revenue, t])
  const funnelTop = Math.max(1, ...data.funnel.map((s) => s.count))
  const nothingYet = data.totals.pageViews === 0 && data.funnel.every((s) => s.count === 0)

  return (
    <>
      {nothingYet ? <p className="card stats-page__empty">{t('stats.admin.noData')}</p> : null}
      <dl className="stats-totals">
        {(
          [
            ['visitors', data.totals.visitors],
            ['pageViews', data.totals.pageViews],
            ['signups', data.events.signup],
            ['purchases', data.events.paid],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="card stats-totals__item">
            <dt>{t(`stats.admin.${key}`)}</dt>
            <dd>{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted stats-page__note">{t('stats.admin.visitorsNote')}</p>

      <AdminSection title={t('stats.admin.overTime')}>
        <StatsChart
          title={t('stats.admin.overTimeCaption', { from: day(data.from), to: day(data.to) })}
          x={visitsX}
          series={visitsSeries}
          kind="line"
          format={formatCount}
          formatX={formatDayTick}
          xLabel={t('stats.admin.col.day')}
          tableLabel={t('stats.admin.showTable')}
          table={
            <DataTable
              caption={t('stats.admin.overTime')}
              rowKey={(r) => r.day}
              rows={data.days}
              rowHeader={{ header: t('stats.admin.col.day'), cell: (r) => day(r.day) }}
              columns={[
                { header: t('stats.admin.visitors'), cell: (r) => number.format(r.visitors) },
                { header: t('stats.admin.pageViews'), cell: (r) => number.format(r.pageViews) },
              ]}
            />
          }
        />
      </AdminSection>

      <AdminSection title={t('stats.admin.funnel')}>
        <p className="muted">{t('stats.admin.funnelIntro')}</p>
        <ol className="stats-funnel" aria-hidden="true">
          {data.funnel.map((step) => (
            <li key={step.step} className="stats-funnel__step">
              <span className="stats-funnel__label">{t(`stats.admin.steps.${step.step}`)}</span>
              <span className="stats-funnel__track">
                <span className="stats-funnel__bar" style={{ width: `${(step.count / funnelTop) * 100}%` }} />
              </span>
              <span className="stats-funnel__count">{number.format(step.count)}</span>
            </li>
          ))}
        </ol>
        <DataTable
          caption={t('stats.admin.funnel')}
          className="stats-funnel-table"
          rowKey={(r) => r.step}
          rows={data.funnel}
          rowHeader={{ header: t('stats.admin.col.step'), cell: (r) => t(`stats.admin.steps.${r.step}`) }}
          columns={[
            { header: t('stats.admin.col.count'), cell: (r) => number.format(r.count) },
            { header: t('stats.admin.col.rate'), cell: (r) => rate(r.rate) },
            { header: t('stats.admin.col.overall'), cell: (r) => rate(r.overall) },
          ]}
        />
      </AdminSection>

      <div className="stats-page__grid">
        <AdminSection title={t('stats.admin.topPages')}>
          {data.topPages.length === 0 ? (
            <p className="muted">{t('stats.admin.noPages')}</p>
          ) : (
            <DataTable
              caption={t('stats.admin.topPages')}
              rowKey={(r) => r.path}
              rows={data.topPages}
              rowHeader={{ header: t('stats.admin.col.page'), cell: (r) => <code>{r.path}</code> }}
              columns={[
                { header: t('stats.admin.visitors'), cell: (r) => number.format(r.visitors) },
                { header: t('stats.admin.pageViews'), cell: (r) => number.format(r.pageViews) },
              ]}
            />
          )}
        </AdminSection>
        <AdminSection title={t('stats.admin.referrers')}>
          {data.referrers.length === 0 ? (
            <p className="muted">{t('stats.admin.noReferrers')}</p>
          ) : (
            <DataTable
              caption={t('stats.admin.referrers')}
              rowKey={(r) => r.host}
              rows={data.referrers}
              rowHeader={{ header: t('stats.admin.col.referrer'), cell: (r) => r.host }}
              columns={[
                { header: t('stats.admin.visitors'), cell: (r) => number.format(r.visitors) },
                { header: t('stats.admin.pageViews'), cell: (r) => number.format(r.pageViews) },
              ]}
            />
          )}
        </AdminSection>
      </div>

      <AdminSection title={t('stats.admin.revenueTitle')}>
        {data.revenue.length === 0 ? (
          <p className="muted">{t('stats.admin.noRevenue')}</p>
        ) : (
          <StatsChart
            title={t('stats.admin.revenueCaption')}
            x={revenueX}
            series={revenueSeries}
            kind="bars"
            format={formatEuros}
            formatX={formatMonthTick}
            xLabel={t('stats.admin.col.month')}
            tableLabel={t('stats.admin.showTable')}
            table={
              <DataTable
                caption={t('stats.admin.revenueTitle')}
                rowKey={(r) => r.month}
                rows={data.revenue}
                rowHeader={{ header: t('stats.admin.col.month'), cell: (r) => month(r.month) }}
                columns={[
                  { header: t('stats.admin.col.orders'), cell: (r) => number.format(r.orders) },
                  { header: t('stats.admin.revenue'), cell: (r) => formatMoney(r.cents, locale) },
                ]}
              />
            }
          />
        )}
      </AdminSection>

      <AdminSection title={t('stats.admin.newsletter')}>
        {data.newsletter.length === 0 ? (
          <div className="empty-state empty-state--small">
            <p>{t('stats.admin.noNewsletter')}</p>
            <p className="muted">{t('stats.admin.noNewsletterText')}</p>
          </div>
        ) : (
          <DataTable
            caption={t('stats.admin.newsletter')}
            rowKey={(r) => r.month}
            rows={data.newsletter}
            rowHeader={{ header: t('stats.admin.col.month'), cell: (r) => month(r.month) }}
            columns={[
              { header: t('stats.admin.col.joined'), cell: (r) => number.format(r.joined) },
              { header: t('stats.admin.col.left'), cell: (r) => number.format(r.left) },
              { header: t('stats.admin.col.subscribers'), cell: (r) => number.format(r.subscribers) },
            ]}
          />
        )}
      </AdminSection>
    </>
  )
}

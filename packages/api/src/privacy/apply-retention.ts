import {
  and,
  chargebackReversals,
  chargebacks,
  consentRecords,
  couponRedemptions,
  ebookDownloadGrants,
  ebookRequests,
  eq,
  inArray,
  invoicePdfs,
  invoices,
  isNull,
  lt,
  mailOutbox,
  newsletterDeliveries,
  newsletterSubscribers,
  notExists,
  or,
  orderLines,
  orders,
  payments,
  privacyRetentionRuns,
  rateLimits,
  refunds,
  sql,
  statEvents,
  users,
  type Tx,
} from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { retentionRules, type RetentionRuleId } from './registry.ts'

/** Rows deleted (or, in a dry run, that would be) per table. */
export type RowsPerTable = Record<string, number>

interface RuleContext {
  tx: Tx
  now: Date
  /** Today in Europe/Amsterdam, `YYYY-MM-DD` (invoice dates are calendar dates there). */
  today: string
}

const VISITOR_MONTHS = 12

function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now)
  date.setUTCMonth(date.getUTCMonth() - months)
  return date
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60_000)
}

function amsterdamDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/**
 * Deletes the orders (and what hangs on them) of `orderIds`, children first: reversals, chargebacks,
 * refunds and payments refer to the order with ON DELETE RESTRICT; lines and redemptions cascade.
 */
async function deleteOrders(tx: Tx, orderIds: string[], rows: RowsPerTable): Promise<void> {
  if (orderIds.length === 0) return
  const count = async (table: Parameters<Tx['$count']>[0], where: Parameters<Tx['$count']>[1]) => tx.$count(table, where)
  rows.order_lines = (rows.order_lines ?? 0) + (await count(orderLines, inArray(orderLines.orderId, orderIds)))
  rows.coupon_redemptions = (rows.coupon_redemptions ?? 0) + (await count(couponRedemptions, inArray(couponRedemptions.orderId, orderIds)))
  const steps = [
    ['chargeback_reversals', () => tx.delete(chargebackReversals).where(inArray(chargebackReversals.orderId, orderIds)).returning({ id: chargebackReversals.chargebackId })],
    ['chargebacks', () => tx.delete(chargebacks).where(inArray(chargebacks.orderId, orderIds)).returning({ id: chargebacks.id })],
    ['refunds', () => tx.delete(refunds).where(inArray(refunds.orderId, orderIds)).returning({ id: refunds.id })],
    ['payments', () => tx.delete(payments).where(inArray(payments.orderId, orderIds)).returning({ id: payments.id })],
    ['orders', () => tx.delete(orders).where(inArray(orders.id, orderIds)).returning({ id: orders.id })],
  ] as const
  for (const [table, run] of steps) {
    const deleted = (await run()).length
    if (deleted > 0 || table === 'orders') rows[table] = (rows[table] ?? 0) + deleted
  }
}

/**
 * One implementation per rule of the registry (`retentionRules`): a rule declared there without an
 * implementation here does not compile.
 */
const implementations: Record<RetentionRuleId, (context: RuleContext) => Promise<RowsPerTable>> = {
  'visitor-rate-limits': async ({ tx, now }) => {
    const deleted = await tx.delete(rateLimits).where(lt(rateLimits.resetAt, monthsBefore(now, VISITOR_MONTHS))).returning({ key: rateLimits.key })
    return { rate_limits: deleted.length }
  },

  'unverified-accounts': async ({ tx, now }) => {
    // Never confirmed, a plain member, nothing bought: nothing of theirs needs keeping.
    const deleted = await tx
      .delete(users)
      .where(
        and(
          isNull(users.emailVerifiedAt),
          eq(users.role, 'member'),
          lt(users.createdAt, monthsBefore(now, VISITOR_MONTHS)),
          notExists(tx.select({ one: sql`1` }).from(orders).where(and(eq(orders.userId, users.id), sql`${orders.paidAt} is not null`))),
          notExists(tx.select({ one: sql`1` }).from(invoices).where(eq(invoices.userId, users.id))),
        ),
      )
      .returning({ id: users.id })
    return { users: deleted.length }
  },

  'abandoned-orders': async ({ tx, now }) => {
    const abandoned = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          isNull(orders.paidAt),
          sql`${orders.status} <> 'paid'`,
          lt(orders.createdAt, monthsBefore(now, VISITOR_MONTHS)),
          notExists(tx.select({ one: sql`1` }).from(invoices).where(eq(invoices.orderId, orders.id))),
          notExists(tx.select({ one: sql`1` }).from(refunds).where(eq(refunds.orderId, orders.id))),
          notExists(tx.select({ one: sql`1` }).from(chargebacks).where(eq(chargebacks.orderId, orders.id))),
        ),
      )
    const rows: RowsPerTable = {}
    await deleteOrders(
      tx,
      abandoned.map((o) => o.id),
      rows,
    )
    return rows.orders === undefined ? { orders: 0 } : rows
  },

  'sent-mail': async ({ tx, now }) => {
    const deleted = await tx
      .delete(mailOutbox)
      .where(and(inArray(mailOutbox.status, ['sent', 'failed']), lt(mailOutbox.createdAt, monthsBefore(now, VISITOR_MONTHS))))
      .returning({ id: mailOutbox.id })
    return { mail_outbox: deleted.length }
  },

  'visitor-consent': async ({ tx, now }) => {
    const deleted = await tx
      .delete(consentRecords)
      .where(and(isNull(consentRecords.userId), lt(consentRecords.createdAt, monthsBefore(now, VISITOR_MONTHS))))
      .returning({ id: consentRecords.id })
    return { consent_records: deleted.length }
  },

  'expired-invoices': async ({ tx, today }) => {
    const expired = await tx.select({ id: invoices.id, orderId: invoices.orderId }).from(invoices).where(lt(invoices.retainUntil, today))
    const rows: RowsPerTable = { invoices: 0 }
    if (expired.length === 0) return rows
    const invoiceIds = expired.map((i) => i.id)
    rows.invoice_pdfs = await tx.$count(invoicePdfs, inArray(invoicePdfs.invoiceId, invoiceIds))
    // Credit notes point at refunds/chargebacks and corrections at invoices: the whole order's set goes at once
    // (all its documents share the year rule, so none of them is kept longer than the others).
    rows.invoices = (await tx.delete(invoices).where(inArray(invoices.id, invoiceIds)).returning({ id: invoices.id })).length
    const orderIds = [...new Set(expired.map((i) => i.orderId))]
    const stillInvoiced = await tx.selectDistinct({ orderId: invoices.orderId }).from(invoices).where(inArray(invoices.orderId, orderIds))
    const keep = new Set(stillInvoiced.map((r) => r.orderId))
    await deleteOrders(
      tx,
      orderIds.filter((id) => !keep.has(id)),
      rows,
    )
    return rows
  },

  // Unsubscribed people go every month (the policy), with their delivery rows; so do sign-ups whose
  // confirmation link expired more than 30 days ago. Bounced and complained addresses stay: they are
  // the list of addresses that must never be mailed again.
  'newsletter-unsubscribed': async ({ tx, now }) => {
    const gone = or(
      eq(newsletterSubscribers.status, 'unsubscribed'),
      and(eq(newsletterSubscribers.status, 'pending'), lt(newsletterSubscribers.confirmExpiresAt, daysBefore(now, 30))),
    )
    const ids = (await tx.select({ id: newsletterSubscribers.id }).from(newsletterSubscribers).where(gone)).map((r) => r.id)
    if (ids.length === 0) return { newsletter_subscribers: 0, newsletter_deliveries: 0 }
    const deliveries = await tx.$count(newsletterDeliveries, inArray(newsletterDeliveries.subscriberId, ids))
    const deleted = await tx.delete(newsletterSubscribers).where(inArray(newsletterSubscribers.id, ids)).returning({ id: newsletterSubscribers.id })
    return { newsletter_subscribers: deleted.length, newsletter_deliveries: deliveries }
  },

  'ebook-requests': async ({ tx, now }) => {
    const gone = or(
      and(isNull(ebookRequests.confirmedAt), lt(ebookRequests.createdAt, daysBefore(now, 30))),
      lt(ebookRequests.createdAt, monthsBefore(now, VISITOR_MONTHS)),
    )
    const ids = (await tx.select({ id: ebookRequests.id }).from(ebookRequests).where(gone)).map((r) => r.id)
    if (ids.length === 0) return { ebook_requests: 0, ebook_download_grants: 0 }
    const grants = await tx.$count(ebookDownloadGrants, inArray(ebookDownloadGrants.requestId, ids))
    const deleted = await tx.delete(ebookRequests).where(inArray(ebookRequests.id, ids)).returning({ id: ebookRequests.id })
    return { ebook_requests: deleted.length, ebook_download_grants: grants }
  },

  // marketing (statistics): raw page views and events go after 12 months; the daily totals stay.
  'statistics-raw-events': async ({ tx, now }) => {
    const deleted = await tx.delete(statEvents).where(lt(statEvents.occurredAt, monthsBefore(now, VISITOR_MONTHS))).returning({ id: statEvents.id })
    return { stat_events: deleted.length }
  },
}

export interface ApplyRetentionOptions {
  /** The rules to run; all when left out. */
  rules?: readonly RetentionRuleId[] | undefined
  /** Report what would go without deleting anything. */
  dryRun: boolean
  /** The job (or `admin`) that runs it, for the run log. */
  job: string
}

export interface RetentionRunResult {
  rule: RetentionRuleId
  runId: string
  rows: RowsPerTable
  errors: string[]
}

class DryRunRollback extends Error {}

/**
 * Applies the registry's retention rules. Each rule runs in its own transaction and writes one run-log
 * row (job, rule, rows per table, started/finished, errors). A dry run does the same work inside a
 * transaction that is rolled back, so its counts are exactly what a real run would delete.
 */
export async function applyRetention(deps: Pick<AppDeps, 'db' | 'clock'>, options: ApplyRetentionOptions): Promise<RetentionRunResult[]> {
  const ruleIds = options.rules ?? (Object.keys(retentionRules) as RetentionRuleId[])
  const results: RetentionRunResult[] = []
  for (const rule of ruleIds) {
    const now = deps.clock.now()
    const [run] = await deps.db
      .insert(privacyRetentionRuns)
      .values({ job: options.job, rule, dryRun: options.dryRun, startedAt: now })
      .returning({ id: privacyRetentionRuns.id })
    let rows: RowsPerTable = {}
    const errors: string[] = []
    try {
      await deps.db.transaction(async (tx) => {
        rows = await implementations[rule]({ tx, now, today: amsterdamDate(now) })
        if (options.dryRun) throw new DryRunRollback()
      })
    } catch (error) {
      if (!(error instanceof DryRunRollback)) {
        rows = {}
        errors.push(error instanceof Error ? error.message.slice(0, 500) : 'unknown error')
      }
    }
    await deps.db.update(privacyRetentionRuns).set({ rows, errors, finishedAt: deps.clock.now() }).where(eq(privacyRetentionRuns.id, run!.id))
    results.push({ rule, runId: run!.id, rows, errors })
  }
  return results
}

/** The rules of one schedule (`daily` or `monthly`), for the jobs. */
export function retentionRulesFor(schedule: 'daily' | 'monthly'): RetentionRuleId[] {
  return (Object.keys(retentionRules) as RetentionRuleId[]).filter((id) => retentionRules[id].schedule === schedule)
}

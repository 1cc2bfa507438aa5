import { sql } from 'drizzle-orm'
import {
  boolean,
  customType,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { courses } from './courses.ts'

/**
 * Checkout: what we sell, the orders and their Mollie payments, coupons, coaching credits, invoices
 * and credit notes. Money is integer cents incl. VAT unless a column says `excl`. Every effect of a
 * paid order (access, credits, coupon redemption, invoice) is keyed by a unique constraint so it
 * happens exactly once however often the webhook arrives.
 */

const at = () => timestamp({ withTimezone: true })
/** The buyer; orders and invoices outlive an erased account (bookkeeping duty), unlinked. */
const buyerRef = () => uuid().references(() => users.id, { onDelete: 'set null' })

export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    nameNl: text().notNull(),
    nameEn: text().notNull(),
    descriptionNl: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    /** Consumer price incl. VAT. */
    priceCents: integer().notNull(),
    vatRateBasisPoints: integer().notNull().default(2100),
    /** The course this product unlocks, if any. */
    courseId: uuid().references(() => courses.id, { onDelete: 'restrict' }),
    coachingCredits: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_slug_unique').on(t.slug),
    check('products_price_positive', sql`${t.priceCents} > 0`),
    check('products_credits_nonnegative', sql`${t.coachingCredits} >= 0`),
    check('products_vat_rate', sql`${t.vatRateBasisPoints} between 0 and 10000`),
  ],
)

export const couponKind = pgEnum('coupon_kind', ['percent', 'amount'])

export const coupons = pgTable(
  'coupons',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Upper-case, as typed by buyers (matched case-insensitively by normalising). */
    code: text().notNull(),
    kind: couponKind().notNull(),
    /** For `percent`: 1–100. */
    percentOff: integer(),
    /** For `amount`: cents off the price incl. VAT. */
    amountOffCents: integer(),
    validFrom: at(),
    validUntil: at(),
    maxRedemptions: integer(),
    /** Paid orders that used the coupon; raised only in the paying transaction, with a redemption row. */
    redemptionCount: integer().notNull().default(0),
    /** Empty: valid for every product. */
    productIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean().notNull().default(true),
    createdAt: at().notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('coupons_code_unique').on(t.code),
    check(
      'coupons_kind_value',
      sql`(${t.kind} = 'percent' and ${t.percentOff} between 1 and 100 and ${t.amountOffCents} is null) or (${t.kind} = 'amount' and ${t.amountOffCents} > 0 and ${t.percentOff} is null)`,
    ),
    check('coupons_max_positive', sql`${t.maxRedemptions} is null or ${t.maxRedemptions} > 0`),
  ],
)

export const orderStatus = pgEnum('order_status', ['open', 'pending', 'paid', 'failed', 'canceled', 'expired'])

export interface OrderBilling {
  name: string
  company: string | null
  addressLine: string
  postalCode: string
  city: string
  /** ISO 3166-1 alpha-2. */
  country: string
}

/** The stored outcome of a VAT-number check (VIES or the offline stand-in). */
export interface StoredVatCheck {
  status: 'valid' | 'invalid' | 'unavailable'
  source: 'vies' | 'offline'
  checkedAt: string
  name: string | null
  requestIdentifier: string | null
}

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: buyerRef(),
    /** The client's id for this checkout attempt: a repeated start returns the same order. */
    requestId: uuid().notNull(),
    status: orderStatus().notNull().default('open'),
    currency: text().notNull().default('EUR'),
    locale: text().$type<'nl' | 'en'>().notNull(),
    couponId: uuid().references(() => coupons.id, { onDelete: 'restrict' }),
    discountCents: integer().notNull().default(0),
    totalExclCents: integer().notNull(),
    totalVatCents: integer().notNull(),
    /** What the buyer pays. */
    totalCents: integer().notNull(),
    reverseCharge: boolean().notNull().default(false),
    buyerEmail: text().notNull(),
    billing: jsonb().$type<OrderBilling>().notNull(),
    /** Encrypted per field (AES-256-GCM, key id inside). */
    vatNumberEncrypted: text(),
    vatCheck: jsonb().$type<StoredVatCheck>(),
    /** test / live: the mode of our Mollie key when ordered; a payment in another mode never counts. */
    mode: text().$type<'test' | 'live'>().notNull(),
    /**
     * When the buyer asked for immediate access to digital content and so waived the 14-day right of
     * withdrawal (art. 6:230p BW); the confirmation mail repeats it.
     */
    withdrawalWaivedAt: at(),
    /** The payment that paid the order (a second paid attempt is a double payment, refunded, not a second sale). */
    paidPaymentId: text(),
    refundedCents: integer().notNull().default(0),
    chargedBackCents: integer().notNull().default(0),
    paidAt: at(),
    /**
     * Set while a Mollie create call for the order is under way (cleared once its `tr_…` id is
     * stored): while any is set, a webhook for an id we do not know may be ours, arriving before the
     * create call's answer, and is looked up at Mollie (throttled); otherwise it cannot be ours.
     */
    paymentCreationStartedAt: at(),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
  },
  (t) => [
    uniqueIndex('orders_request_unique').on(t.userId, t.requestId),
    index('orders_payment_creation_idx').on(t.paymentCreationStartedAt).where(sql`${t.paymentCreationStartedAt} is not null`),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_status_idx').on(t.status, t.createdAt),
    // Newest first for admin.checkout.orders without a status filter (issue 14 §2): scanned backwards, as
    // `order by created_at desc` (nulls first) cannot use a `desc nulls last` index.
    index('orders_created_idx').on(t.createdAt),
    // Admin order search by e-mail (`ilike '%…%'`) through a trigram index on the e-mail alone; pg_trgm is created
    // in migration 0012. The order number is searched as a prefix range on the primary key instead: the id's hex
    // digits in this index matched the digits of most search terms (issue 14 §2). fastupdate off, as
    // users_search_trgm_idx: no pending list of unsorted new orders scanned on every search.
    index('orders_email_trgm_idx')
      .using('gin', sql`${t.buyerEmail} gin_trgm_ops`)
      .with({ fastupdate: false }),
    check('orders_amounts', sql`${t.totalCents} = ${t.totalExclCents} + ${t.totalVatCents} and ${t.totalCents} > 0`),
    check('orders_refunds_within_total', sql`${t.refundedCents} + ${t.chargedBackCents} <= ${t.totalCents}`),
  ],
)

export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    description: text().notNull(),
    quantity: integer().notNull().default(1),
    /** List price incl. VAT at the time of ordering. */
    listPriceCents: integer().notNull(),
    discountCents: integer().notNull().default(0),
    amountExclCents: integer().notNull(),
    vatRateBasisPoints: integer().notNull(),
    vatCents: integer().notNull(),
    amountCents: integer().notNull(),
    /** What a paid line delivers, frozen at ordering time. */
    courseId: uuid().references(() => courses.id, { onDelete: 'set null' }),
    coachingCredits: integer().notNull().default(0),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId)],
)

export const paymentStatus = pgEnum('payment_status', ['open', 'pending', 'authorized', 'paid', 'canceled', 'expired', 'failed'])

/** One Mollie payment (`tr_…`) per attempt; an order may have several (retry after a failure). */
export const payments = pgTable(
  'payments',
  {
    id: text().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    attempt: integer().notNull(),
    status: paymentStatus().notNull(),
    mode: text().$type<'test' | 'live'>().notNull(),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    checkoutUrl: text(),
    /** Mollie's figure differs from the order: nothing was granted; needs a human. */
    mismatch: boolean().notNull().default(false),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
    lastCheckedAt: at(),
  },
  (t) => [index('payments_order_idx').on(t.orderId, t.attempt), index('payments_status_idx').on(t.status, t.createdAt)],
)

export const couponRedemptions = pgTable(
  'coupon_redemptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    couponId: uuid()
      .notNull()
      .references(() => coupons.id, { onDelete: 'cascade' }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    redeemedAt: at().notNull(),
  },
  (t) => [uniqueIndex('coupon_redemptions_order_unique').on(t.orderId)],
)

// The coaching credit ledger (`coaching_credits`) lives in ./coaching.ts, with the coaching domain.

export const refundStatus = pgEnum('refund_status', ['requested', 'queued', 'pending', 'processing', 'refunded', 'failed', 'canceled'])
/**
 * order: money back on the payment that paid the order (counted on the order, with a credit note; the
 * order's access and unspent coaching end); coaching_withdrawal: the same, but the buyer withdrew from
 * the coaching only, so a course in the order stays; duplicate_payment: a second payment for an
 * already paid order, returned whole (never invoiced, not counted on the order).
 */
export const refundKind = pgEnum('refund_kind', ['order', 'coaching_withdrawal', 'duplicate_payment'])

/**
 * Money going back to a buyer: asked by an admin, made in Mollie's dashboard, or a duplicate payment
 * returned. Its id is our idempotency key at Mollie and in its metadata.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    paymentId: text()
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    mollieRefundId: text(),
    kind: refundKind().notNull().default('order'),
    amountCents: integer().notNull(),
    status: refundStatus().notNull(),
    reason: text().notNull(),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
  },
  (t) => [
    uniqueIndex('refunds_mollie_unique').on(t.mollieRefundId),
    uniqueIndex('refunds_duplicate_payment_unique').on(t.paymentId).where(sql`${t.kind} = 'duplicate_payment'`),
    index('refunds_order_idx').on(t.orderId),
    check('refunds_amount_positive', sql`${t.amountCents} > 0`),
  ],
)

export const chargebacks = pgTable(
  'chargebacks',
  {
    id: text().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    paymentId: text()
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    amountCents: integer().notNull(),
    /** What it took off the order (never more than was left then): what a reversal gives back. */
    countedCents: integer().notNull().default(0),
    /** What it ended: the order's course access, unspent coaching sessions taken back. */
    endedCourse: boolean().notNull().default(false),
    sessionsLapsed: integer().notNull().default(0),
    createdAt: at().notNull(),
    recordedAt: at().notNull(),
  },
  (t) => [index('chargebacks_order_idx').on(t.orderId), check('chargebacks_counted_within_amount', sql`${t.countedCents} between 0 and ${t.amountCents}`)],
)

/**
 * The bank reversed a chargeback (Mollie's `reversedAt`): at most one row per chargeback, inserted in
 * the transaction that gives the amount back to the order, so the webhook and the job restore once.
 * Access the chargeback ended comes back once nothing else keeps the order from being paid for.
 */
export const chargebackReversals = pgTable(
  'chargeback_reversals',
  {
    chargebackId: text()
      .primaryKey()
      .references(() => chargebacks.id, { onDelete: 'restrict' }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    /** Given back to the order (the chargeback's counted amount). */
    amountCents: integer().notNull(),
    /** Mollie's `reversedAt`. */
    reversedAt: at().notNull(),
    recordedAt: at().notNull(),
    /** When the access the chargeback ended was given back; null while something else still stands (or nothing ended). */
    accessRestoredAt: at(),
  },
  (t) => [index('chargeback_reversals_order_idx').on(t.orderId)],
)

export const invoiceKind = pgEnum('invoice_kind', ['invoice', 'credit_note'])

/**
 * Invoices and credit notes share one gap-free series per calendar year (`2026-000123`), numbered
 * inside the transaction that records their cause. Rows are never updated; they are kept until
 * `retain_until` (7 years after the end of the issue year).
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: invoiceKind().notNull(),
    number: text().notNull(),
    year: integer().notNull(),
    sequence: integer().notNull(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    userId: buyerRef(),
    refundId: uuid().references(() => refunds.id, { onDelete: 'restrict' }),
    chargebackId: text().references(() => chargebacks.id, { onDelete: 'restrict' }),
    correctsInvoiceId: uuid(),
    issueDate: date({ mode: 'string' }).notNull(),
    supplyDate: date({ mode: 'string' }).notNull(),
    totalExclCents: integer().notNull(),
    totalVatCents: integer().notNull(),
    totalCents: integer().notNull(),
    /** The printed document (seller, buyer, lines, VAT groups) without the VAT number. */
    document: jsonb().notNull(),
    buyerVatNumberEncrypted: text(),
    retainUntil: date({ mode: 'string' }).notNull(),
    createdAt: at().notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_unique').on(t.number),
    uniqueIndex('invoices_year_sequence_unique').on(t.year, t.sequence),
    // One original invoice per order; an invoice correcting a credit note (a refund that failed) comes on top.
    uniqueIndex('invoices_order_invoice_unique').on(t.orderId).where(sql`${t.kind} = 'invoice' and ${t.correctsInvoiceId} is null`),
    uniqueIndex('invoices_correction_unique').on(t.correctsInvoiceId).where(sql`${t.kind} = 'invoice'`),
    uniqueIndex('invoices_refund_unique').on(t.refundId),
    uniqueIndex('invoices_chargeback_unique').on(t.chargebackId),
    index('invoices_user_idx').on(t.userId),
    // The order pages load every document of their orders (the unique index above is partial).
    index('invoices_order_idx').on(t.orderId),
  ],
)

export const invoiceCounters = pgTable('invoice_counters', {
  year: integer().primaryKey(),
  lastSequence: integer().notNull(),
})

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

/** The PDF of an invoice, rendered once from its frozen document and never replaced. */
export const invoicePdfs = pgTable('invoice_pdfs', {
  invoiceId: uuid()
    .primaryKey()
    .references(() => invoices.id, { onDelete: 'cascade' }),
  pdf: bytea().notNull(),
  sha256: text().notNull(),
  createdAt: at().notNull(),
})

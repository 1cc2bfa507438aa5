import { z } from 'zod'
import { localeSchema } from './auth.ts'
import { lineString, multilineString } from './strings.ts'

const slug = lineString().trim().min(1).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'validation.invalid' })
const text = (max: number) => lineString().trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' })
const optionalText = (max: number) =>
  lineString()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null)

/** EU member states plus a few common non-EU buyer countries; ISO 3166-1 alpha-2. */
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const
export const BILLING_COUNTRIES = [...EU_COUNTRIES, 'CH', 'GB', 'NO', 'US'] as const
export type BillingCountry = (typeof BILLING_COUNTRIES)[number]

export const couponCodeSchema = lineString()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{2,39}$/, { error: 'validation.couponCode' })

export const billingSchema = z
  .object({
    name: text(100),
    company: optionalText(120),
    /** Only for businesses; with an EU VAT number outside NL the invoice is reverse charged. */
    vatNumber: optionalText(20),
    addressLine: text(120),
    postalCode: text(12),
    city: text(80),
    country: z.enum(BILLING_COUNTRIES, { error: 'validation.invalid' }),
  })
  .strict()
  .refine((billing) => !billing.vatNumber || billing.company, { error: 'validation.companyRequired', path: ['company'] })
export type BillingInput = z.input<typeof billingSchema>

export const checkoutStartInput = z
  .object({
    productSlug: slug,
    couponCode: couponCodeSchema.optional(),
    billing: billingSchema,
    locale: localeSchema,
    /** A fresh uuid per checkout form: a repeated submit returns the same order. */
    requestId: z.uuid(),
    acceptTerms: z.literal(true, { error: 'validation.acceptTerms' }),
    /**
     * Digital content (a course) starts at once only with the buyer's express consent, which waives
     * the 14-day right of withdrawal (art. 6:230p BW). Required for products with a course.
     */
    waiveWithdrawal: z.boolean().optional(),
  })
  .strict()

export const couponPreviewInput = z.object({ productSlug: slug, couponCode: couponCodeSchema }).strict()
export const orderIdInput = z.object({ orderId: z.uuid() }).strict()
export const productSlugInput = z.object({ productSlug: slug }).strict()

export const REFUND_REASON_MAX = 500
export const adminRefundInput = z
  .object({
    orderId: z.uuid(),
    /** Omitted: everything that is left. */
    amountCents: z.number().int().positive().max(10_000_000).optional(),
    reason: text(REFUND_REASON_MAX),
    /** A fresh uuid per refund form; also the idempotency key at Mollie. */
    refundId: z.uuid(),
    /**
     * The buyer withdraws from the coaching of an order that also holds a course (art. 6:230o BW): the
     * course stays, the sessions not yet used lapse.
     */
    coachingOnly: z.boolean().optional(),
  })
  .strict()
  // The coaching's part of the price is the admin's to state: "everything left" would refund the course too.
  .refine((input) => !input.coachingOnly || input.amountCents !== undefined, { path: ['amountCents'], error: 'refund.coachingAmount' })

export const ORDER_STATUSES = ['open', 'pending', 'paid', 'failed', 'canceled', 'expired'] as const
/**
 * The admin order search: part of the buyer's e-mail address, or the start of the order number (the
 * first hex digits of the order id, as shown). At least 3 characters: shorter terms match too much to
 * be a search, and a trigram index needs 3 to narrow anything down.
 */
export const ORDER_SEARCH_MIN = 3
export const orderSearchTerm = lineString().trim().min(ORDER_SEARCH_MIN, { error: 'validation.searchTooShort' }).max(100)
export const adminOrdersInput = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    search: orderSearchTerm.optional(),
    cursor: z.iso.datetime().optional(),
    /** Sent by tRPC's infinite queries; the list only pages forward. */
    direction: z.enum(['forward', 'backward']).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict()

export const adminUpdateProductInput = z
  .object({
    productSlug: slug,
    nameNl: text(120).optional(),
    nameEn: text(120).optional(),
    descriptionNl: multilineString().trim().max(2000).optional(),
    descriptionEn: multilineString().trim().max(2000).optional(),
    priceCents: z.number().int().min(100).max(10_000_000).optional(),
    active: z.boolean().optional(),
  })
  .strict()

export const adminCreateCouponInput = z
  .object({
    code: couponCodeSchema,
    kind: z.enum(['percent', 'amount']),
    percentOff: z.number().int().min(1).max(100).nullable().default(null),
    amountOffCents: z.number().int().min(1).max(10_000_000).nullable().default(null),
    validFrom: z.coerce.date().nullable().default(null),
    validUntil: z.coerce.date().nullable().default(null),
    maxRedemptions: z.number().int().min(1).max(1_000_000).nullable().default(null),
    productSlugs: z.array(slug).max(20).default([]),
  })
  .strict()
  .refine((c) => (c.kind === 'percent' ? c.percentOff !== null && c.amountOffCents === null : c.amountOffCents !== null && c.percentOff === null), {
    error: 'validation.couponValue',
    path: ['kind'],
  })
  .refine((c) => !c.validFrom || !c.validUntil || c.validFrom < c.validUntil, { error: 'validation.couponWindow', path: ['validUntil'] })
export const adminSetCouponActiveInput = z.object({ couponId: z.uuid(), active: z.boolean() }).strict()

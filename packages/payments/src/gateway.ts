/**
 * What the checkout services need from a payment provider. The only implementation talks to Mollie
 * through the official `@mollie/api-client` (see mollie-gateway.ts); tests point that same client at
 * the emulator. Amounts are integer cents in our code and 2-decimal strings on the wire.
 */

export type PaymentStatus = 'open' | 'pending' | 'authorized' | 'paid' | 'canceled' | 'expired' | 'failed'
/** Statuses a payment never leaves (refunds and chargebacks change a paid payment's amounts, not its status). */
export const FINAL_PAYMENT_STATUSES: ReadonlySet<PaymentStatus> = new Set(['paid', 'canceled', 'expired', 'failed'])
export const OPEN_PAYMENT_STATUSES = ['open', 'pending', 'authorized'] as const satisfies readonly PaymentStatus[]

/** The shape of a Mollie payment id; anything else could not exist (and could bend a URL path). */
export const isMolliePaymentId = (value: string): boolean => /^tr_[A-Za-z0-9]{1,64}$/.test(value)
export type PaymentMode = 'test' | 'live'
export type RefundStatus = 'queued' | 'pending' | 'processing' | 'refunded' | 'failed' | 'canceled'

export interface CreatePaymentInput {
  amountCents: number
  currency: 'EUR'
  description: string
  redirectUrl: string
  webhookUrl?: string
  locale: 'nl_NL' | 'en_US'
  metadata: { orderId: string }
  /** Our own key, so a retried create never makes a second payment. */
  idempotencyKey: string
}

export interface GatewayPayment {
  id: string
  status: PaymentStatus
  mode: PaymentMode
  amountCents: number
  currency: string
  /** Present once paid: what was refunded and what may still be refunded. */
  amountRefundedCents: number
  amountRemainingCents: number | null
  amountChargedBackCents: number
  /** Whether any refund exists, in any status (Mollie's `_links.refunds`): a failed one counts for nothing above. */
  hasRefunds: boolean
  /**
   * Whether any chargeback exists, reversed or not (Mollie's `_links.chargebacks`). Mollie does not
   * document whether a reversal lowers `amountChargedBack`, so reversals are found through this.
   */
  hasChargebacks: boolean
  description: string
  metadata: unknown
  /** Only while the payment is open. */
  checkoutUrl: string | null
  createdAt: Date
  paidAt: Date | null
}

export interface GatewayRefund {
  id: string
  paymentId: string
  amountCents: number
  currency: string
  status: RefundStatus
  description: string
  metadata: unknown
  createdAt: Date
}

export interface GatewayChargeback {
  id: string
  paymentId: string
  amountCents: number
  currency: string
  createdAt: Date
  /** Mollie: "The date and time the chargeback was reversed if applicable". */
  reversedAt: Date | null
}

export interface CreateRefundInput {
  paymentId: string
  amountCents: number
  currency: 'EUR'
  description: string
  metadata: { orderId: string; refundRequestId: string }
  idempotencyKey: string
}

export interface PaymentGateway {
  /** From the API key: `test_…` or `live_…`. Payments in the other mode are never accepted. */
  readonly mode: PaymentMode
  createPayment(input: CreatePaymentInput): Promise<GatewayPayment>
  /** `null` when the provider does not know the id (a spoofed or foreign webhook). */
  getPayment(paymentId: string): Promise<GatewayPayment | null>
  cancelPayment(paymentId: string): Promise<GatewayPayment>
  createRefund(input: CreateRefundInput): Promise<GatewayRefund>
  listRefunds(paymentId: string): Promise<GatewayRefund[]>
  listChargebacks(paymentId: string): Promise<GatewayChargeback[]>
}

/** A provider-side refusal (4xx) the caller may show or act on, as opposed to a network failure. */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError'
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly field?: string,
  ) {
    super(message)
  }
}

export const centsToValue = (cents: number): string => {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`)
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

export const valueToCents = (value: string): number => {
  const match = /^(\d+)\.(\d{2})$/.exec(value)
  if (!match) throw new RangeError(`not a 2-decimal amount: ${value}`)
  return Number(match[1]) * 100 + Number(match[2])
}

import { MollieApiError as ApiError, type Chargeback, type Locale, type MollieClient, type Payment, type Refund } from '@mollie/api-client'
import {
  centsToValue,
  isMolliePaymentId,
  PaymentProviderError,
  valueToCents,
  type GatewayChargeback,
  type GatewayPayment,
  type GatewayRefund,
  type PaymentGateway,
  type PaymentMode,
  type PaymentStatus,
  type RefundStatus,
} from './gateway.ts'
import { createTrustingMollieClient } from './mollie-client.ts'

export interface MollieGatewayOptions {
  /** `test_…` or `live_…`. */
  apiKey: string
  /** Default: Mollie's own (`https://api.mollie.com:443/v2/`); the emulator's `apiEndpoint` in tests and dev. */
  apiEndpoint?: string
  /** PEM of an extra CA to trust (the emulator's `caPem`); see createTrustingMollieClient. */
  trustedCa?: string
}


const toDate = (value: string | undefined | null): Date | null => (value ? new Date(value) : null)

function toGatewayPayment(payment: Payment): GatewayPayment {
  return {
    id: payment.id,
    status: payment.status as string as PaymentStatus,
    mode: payment.mode as string as GatewayPayment['mode'],
    amountCents: valueToCents(payment.amount.value),
    currency: payment.amount.currency,
    amountRefundedCents: payment.amountRefunded ? valueToCents(payment.amountRefunded.value) : 0,
    amountRemainingCents: payment.amountRemaining ? valueToCents(payment.amountRemaining.value) : null,
    amountChargedBackCents: payment.amountChargedBack ? valueToCents(payment.amountChargedBack.value) : 0,
    hasRefunds: payment._links.refunds !== undefined,
    hasChargebacks: payment._links.chargebacks !== undefined,
    description: payment.description,
    metadata: payment.metadata,
    checkoutUrl: payment.getCheckoutUrl(),
    createdAt: new Date(payment.createdAt),
    paidAt: toDate(payment.paidAt),
  }
}

function toGatewayRefund(refund: Refund): GatewayRefund {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amountCents: valueToCents(refund.amount.value),
    currency: refund.amount.currency,
    status: refund.status as string as RefundStatus,
    description: refund.description,
    metadata: refund.metadata,
    createdAt: new Date(refund.createdAt),
  }
}

function toGatewayChargeback(chargeback: Chargeback): GatewayChargeback {
  return {
    id: chargeback.id,
    paymentId: chargeback.paymentId,
    amountCents: valueToCents(chargeback.amount.value),
    currency: chargeback.amount.currency,
    createdAt: new Date(chargeback.createdAt),
    reversedAt: toDate(chargeback.reversedAt),
  }
}

/** 4xx answers that do not mean "no": timeout, conflict, too early, rate limit. The outcome is unknown. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429])

/**
 * Mollie's 4xx answers become `PaymentProviderError` (status and field kept) — a refusal the caller can
 * act on. Network failures (an ApiError without status), 5xx (after the client's own retries) and the
 * retryable 4xx stay as they are: the operation may or may not have happened, and the caller retries
 * with the same idempotency key.
 */
function translate(error: unknown): never {
  const status = error instanceof ApiError ? error.statusCode : undefined
  if (error instanceof ApiError && status !== undefined && status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)) {
    throw new PaymentProviderError(error.message, status, error.field)
  }
  throw error
}

function assertPaymentId(paymentId: string): void {
  if (!isMolliePaymentId(paymentId)) throw new PaymentProviderError(`not a Mollie payment id: ${paymentId.slice(0, 40)}`, undefined, 'paymentId')
}

/** The payment gateway on top of the official client (`@mollie/api-client`). */
export function createMollieGateway({ apiKey, apiEndpoint, trustedCa }: MollieGatewayOptions): PaymentGateway {
  const mode = /^(test|live)_/.exec(apiKey)?.[1] as PaymentMode | undefined
  if (!mode) throw new TypeError('the Mollie API key must start with test_ or live_')
  const client: MollieClient = createTrustingMollieClient({ apiKey, ...(apiEndpoint ? { apiEndpoint } : {}) }, trustedCa)

  return {
    mode,

    async createPayment(input) {
      const payment = await client.payments
        .create({
          amount: { currency: input.currency, value: centsToValue(input.amountCents) },
          description: input.description,
          redirectUrl: input.redirectUrl,
          ...(input.webhookUrl ? { webhookUrl: input.webhookUrl } : {}),
          locale: input.locale as Locale,
          metadata: input.metadata,
          idempotencyKey: input.idempotencyKey,
        })
        .catch(translate)
      return toGatewayPayment(payment)
    },

    async getPayment(paymentId) {
      if (!isMolliePaymentId(paymentId)) return null
      try {
        return toGatewayPayment(await client.payments.get(paymentId))
      } catch (error) {
        if (error instanceof ApiError && error.statusCode === 404) return null
        translate(error)
      }
    },

    async cancelPayment(paymentId) {
      assertPaymentId(paymentId)
      const payment = await client.payments.cancel(paymentId).catch(translate)
      return toGatewayPayment(payment)
    },

    async createRefund(input) {
      assertPaymentId(input.paymentId)
      const refund = await client.paymentRefunds
        .create({
          paymentId: input.paymentId,
          amount: { currency: input.currency, value: centsToValue(input.amountCents) },
          description: input.description,
          metadata: input.metadata,
          idempotencyKey: input.idempotencyKey,
        })
        .catch(translate)
      return toGatewayRefund(refund)
    },

    async listRefunds(paymentId) {
      assertPaymentId(paymentId)
      const refunds: GatewayRefund[] = []
      try {
        for await (const refund of client.paymentRefunds.iterate({ paymentId })) refunds.push(toGatewayRefund(refund))
      } catch (error) {
        translate(error)
      }
      return refunds
    },

    async listChargebacks(paymentId) {
      assertPaymentId(paymentId)
      const chargebacks: GatewayChargeback[] = []
      try {
        for await (const chargeback of client.paymentChargebacks.iterate({ paymentId })) chargebacks.push(toGatewayChargeback(chargeback))
      } catch (error) {
        translate(error)
      }
      return chargebacks
    },
  }
}

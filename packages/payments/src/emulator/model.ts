import type { PaymentMode, PaymentStatus, RefundStatus } from '../gateway.ts'

/**
 * What the emulator keeps, in the shape it persists to its state file. Amounts are integer cents,
 * timestamps ISO 8601 strings (UTC, milliseconds); the API representation (HAL JSON, 2-decimal strings,
 * Mollie's `+00:00` dates) is made from these in representation.ts.
 */
export interface StoredPayment {
  id: string
  /** Creation order across all resources; lists sort on it (timestamps can tie). */
  seq: number
  mode: PaymentMode
  profileId: string
  status: PaymentStatus
  createdAt: string
  expiresAt: string
  authorizedAt: string | null
  paidAt: string | null
  canceledAt: string | null
  expiredAt: string | null
  failedAt: string | null
  amountCents: number
  currency: string
  description: string
  redirectUrl: string
  cancelUrl: string | null
  webhookUrl: string | null
  locale: string | null
  method: string | null
  metadata: unknown
}

export interface StoredRefund {
  id: string
  seq: number
  paymentId: string
  mode: PaymentMode
  status: RefundStatus
  amountCents: number
  currency: string
  description: string
  metadata: unknown
  createdAt: string
}

export interface StoredChargeback {
  id: string
  seq: number
  paymentId: string
  amountCents: number
  currency: string
  reasonCode: string
  reasonDescription: string
  createdAt: string
  reversedAt: string | null
}

/** A POST/DELETE answered under an `Idempotency-Key`, replayed for the same key and request. */
export interface IdempotencyRecord {
  /** SHA-256 of the API key: keys are per credential, and the state file holds no secrets. */
  scope: string
  key: string
  /** SHA-256 of method, path and body. */
  fingerprint: string
  statusCode: number
  body: string
  createdAt: string
}

export interface EmulatorState {
  version: 1
  profileId: string
  seq: number
  payments: StoredPayment[]
  refunds: StoredRefund[]
  chargebacks: StoredChargeback[]
  idempotency: IdempotencyRecord[]
}

export {
  startMollieEmulator,
  type EmulatorChargeback,
  type EmulatorPayment,
  type EmulatorRefund,
  type MollieEmulator,
  type MollieEmulatorOptions,
  type PaymentCreatedHook,
  type WebhookOption,
} from './emulator.ts'
export { createEmulatorCa, issueServerCertificate, loadOrCreateEmulatorCa, type PemPair } from './certificates.ts'
export { CHECKOUT_OUTCOMES, type CheckoutHandler, type CheckoutOutcome } from './checkout-page.ts'
export { EmulatorStateError, type MollieErrorBody } from './errors.ts'
export type { WebhookDelivery } from './webhooks.ts'
export { NEXT_PAYMENT_STATUS, NEXT_REFUND_STATUS } from './status-rules.ts'

/** The checkout domain's entry point for the HTTP adapters, jobs, seeds and tests (`@jouwbot/api/checkout`). */
export { applyPaymentFromMollie, newEffects } from './apply-payment.ts'
export { invoiceForDownload, startOrderPayment } from './orders.ts'
export { startPaymentAttempt } from './payment-attempts.ts'
export { reconcilePayments } from './reconcile.ts'
export { recordChargeback, recordExternalRefund } from './reversals.ts'
export { seedShop } from './seed-shop.ts'
export { startCheckout } from './start-checkout.ts'

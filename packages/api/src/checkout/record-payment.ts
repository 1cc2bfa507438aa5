import { payments, type DbOrTx } from '@jouwbot/db'
import type { GatewayPayment } from '@jouwbot/payments'

/** Stores a payment we learned about (from the create call or, if it was quicker, the webhook). */
export async function recordPayment(db: DbOrTx, input: { orderId: string; attempt: number; payment: GatewayPayment; now: Date }): Promise<void> {
  const { orderId, attempt, payment, now } = input
  await db
    .insert(payments)
    .values({
      id: payment.id,
      orderId,
      attempt,
      status: payment.status,
      mode: payment.mode,
      amountCents: payment.amountCents,
      currency: payment.currency,
      checkoutUrl: payment.checkoutUrl,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({ target: payments.id, set: { checkoutUrl: payment.checkoutUrl } })
}

import { randomUUID } from 'node:crypto'
import { and, eq, refunds } from '@jouwbot/db'
import type { GatewayRefund } from '@jouwbot/payments'
import type { TxDeps } from '../transaction.ts'
import { completeAcceptedRefund } from './complete-accepted-refund.ts'
import type { OrderEffects } from './order-effects.ts'
import { recordFailedRefund } from './record-failed-refund.ts'
import { isDeadRefund } from './refund-status.ts'
import { addToOrder } from './reversal-helpers.ts'
import type { OrderRow } from './types.ts'

/**
 * A refund Mollie reports on the order's payment. Our own refunds are found by id (or by the request
 * id in their metadata, if we never heard back from the create call); one made in Mollie's
 * dashboard is recorded here as well, so every euro that went back has its credit note.
 */
export async function recordExternalRefund(
  deps: TxDeps,
  input: { order: OrderRow; paymentId: string; remote: GatewayRefund; effects: OrderEffects; now: Date },
): Promise<void> {
  const { order, paymentId, remote, effects, now } = input
  const tx = deps.db
  const requestId = (remote.metadata as { refundRequestId?: unknown } | null)?.refundRequestId
  const [byMollieId] = await tx.select().from(refunds).where(eq(refunds.mollieRefundId, remote.id)).for('update')
  const [byRequestId] =
    byMollieId || typeof requestId !== 'string'
      ? []
      : await tx
          .select()
          .from(refunds)
          .where(and(eq(refunds.id, requestId), eq(refunds.orderId, order.id)))
          .for('update')
  let local = byMollieId ?? byRequestId
  if (isDeadRefund(remote.status)) {
    // One we never knew of that failed changed nothing; one of ours is undone.
    if (local) await recordFailedRefund(deps, { order, local, remote, effects, now })
    return
  }
  if (!local) {
    const amountCents = Math.min(remote.amountCents, order.totalCents - order.refundedCents - order.chargedBackCents)
    if (amountCents <= 0) return
    ;[local] = await tx
      .insert(refunds)
      .values({
        id: randomUUID(),
        orderId: order.id,
        paymentId,
        mollieRefundId: remote.id,
        amountCents,
        status: remote.status,
        reason: 'Mollie dashboard',
        requestedBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    Object.assign(order, await addToOrder(tx, order.id, { refundedCents: amountCents }, now))
  }
  await completeAcceptedRefund(deps, { order, local: local!, remote, actorUserId: null, effects, now })
}

import { enqueueMail, type ShopProblem } from '@jouwbot/mail'
import type { AppDeps } from '../deps.ts'
import type { TxDeps } from '../transaction.ts'
import { formatMoney } from '@jouwbot/shared/money'

/**
 * Money trouble no code can settle (a refund Mollie did not carry out or refused on its own, a payment
 * that does not match its order) is mailed to the shop's own address, once per cause (`dedupeKey`),
 * in the transaction that found it. The audit log has the same facts.
 */
export async function alertShop(
  deps: TxDeps<Pick<AppDeps, 'db' | 'seller' | 'appOrigin'>>,
  alert: { problem: ShopProblem; orderId: string; amountCents: number; detail: string; cause: string },
  now: Date,
): Promise<void> {
  if (!deps.seller.email) return
  await enqueueMail(
    deps.db,
    {
      to: deps.seller.email,
      template: 'shopAttention',
      locale: 'nl',
      seller: deps.seller,
      dedupeKey: `shop-attention:${alert.problem}:${alert.cause}`,
      params: {
        problem: alert.problem,
        orderReference: alert.orderId.slice(0, 8).toUpperCase(),
        amount: formatMoney(alert.amountCents, 'nl'),
        detail: alert.detail,
        adminUrl: `${deps.appOrigin}/admin/bestellingen/${alert.orderId}`,
      },
    },
    now,
  )
}

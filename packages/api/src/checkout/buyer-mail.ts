import { eq, users } from '@jouwbot/db'
import { enqueueMail, type MailTemplate, type MailTemplates } from '@jouwbot/mail'
import type { AppDeps } from '../deps.ts'
import type { TxDeps } from '../transaction.ts'
import type { OrderRow } from './types.ts'

/**
 * A mail about an order to its buyer, in the order's language, in the calling transaction: greeted by
 * first name, or by the billing name once the account is gone.
 */
export async function mailBuyer<T extends MailTemplate>(
  tx: TxDeps<Pick<AppDeps, 'db' | 'seller'>>,
  input: { order: OrderRow; template: T; params: Omit<MailTemplates[T], 'firstName'>; now: Date },
): Promise<void> {
  const { order, template, params, now } = input
  const [buyer] = order.userId ? await tx.db.select({ firstName: users.firstName }).from(users).where(eq(users.id, order.userId)) : []
  const firstName = buyer?.firstName ?? order.billing.name
  await enqueueMail(tx.db, { to: order.buyerEmail, template, locale: order.locale, params: { ...params, firstName } as MailTemplates[T], seller: tx.seller }, now)
}

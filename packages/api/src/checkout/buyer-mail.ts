import { eq, users, type DbOrTx, type orders } from '@jouwbot/db'
import { enqueueMail, type MailTemplate, type MailTemplates } from '@jouwbot/mail'
import type { AppDeps } from '../deps.ts'

type OrderRow = typeof orders.$inferSelect

/**
 * A mail about an order to its buyer, in the order's language, in the calling transaction: greeted by
 * first name, or by the billing name once the account is gone.
 */
export async function mailBuyer<T extends MailTemplate>(
  tx: DbOrTx,
  deps: Pick<AppDeps, 'seller'>,
  order: OrderRow,
  template: T,
  params: Omit<MailTemplates[T], 'firstName'>,
  now: Date,
): Promise<void> {
  const [buyer] = order.userId ? await tx.select({ firstName: users.firstName }).from(users).where(eq(users.id, order.userId)) : []
  const firstName = buyer?.firstName ?? order.billing.name
  await enqueueMail(tx, { to: order.buyerEmail, template, locale: order.locale, params: { ...params, firstName } as MailTemplates[T], seller: deps.seller }, now)
}

import type { AppDeps } from '../deps.ts'

/** The buyer's page of an order (return page of the payment, link in mails). */
export const orderPageUrl = (deps: Pick<AppDeps, 'appOrigin'>, orderId: string) => `${deps.appOrigin}/bestelling/${orderId}`

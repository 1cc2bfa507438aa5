import type { chargebacks, invoices, orderLines, orders, refunds } from '@jouwbot/db'

/** The checkout domain's row types, named once. */
export type OrderRow = typeof orders.$inferSelect
export type OrderLineRow = typeof orderLines.$inferSelect
export type RefundRow = typeof refunds.$inferSelect
export type ChargebackRow = typeof chargebacks.$inferSelect
export type InvoiceRow = typeof invoices.$inferSelect

import type { RouterOutputs } from '../../lib/trpc.ts'

type Checkout = RouterOutputs['checkout']
type AdminCheckout = RouterOutputs['admin']['checkout']
export type Product = Checkout['products'][number]
export type Order = Checkout['order']
export type LastBilling = NonNullable<Checkout['lastBilling']>
export type OrderStatus = Order['status']
export type OrderInvoice = Order['invoices'][number]
export type CouponPreview = Checkout['previewCoupon']
export type AdminOrderRow = AdminCheckout['orders']['orders'][number]
export type AdminOrder = AdminCheckout['order']
export type AdminProduct = AdminCheckout['products'][number]
export type AdminCoupon = AdminCheckout['coupons'][number]
export type AdminRefund = AdminCheckout['refund']

/** Still waiting for Mollie: the order page keeps asking. */
export const isProcessing = (status: OrderStatus): boolean => status === 'open' || status === 'pending'

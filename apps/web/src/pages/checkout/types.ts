import type { TRPCClient } from '@trpc/client'
import type { AppRouter } from '../../lib/trpc.ts'

type Client = TRPCClient<AppRouter>
export type Product = Awaited<ReturnType<Client['checkout']['products']['query']>>[number]
export type Order = Awaited<ReturnType<Client['checkout']['order']['query']>>
export type OrderStatus = Order['status']
export type OrderInvoice = Order['invoices'][number]
export type AdminOrderRow = Awaited<ReturnType<Client['admin']['checkout']['orders']['query']>>['orders'][number]
export type AdminOrder = Awaited<ReturnType<Client['admin']['checkout']['order']['query']>>
export type AdminProduct = Awaited<ReturnType<Client['admin']['checkout']['products']['query']>>[number]
export type AdminCoupon = Awaited<ReturnType<Client['admin']['checkout']['coupons']['query']>>[number]

/** Still waiting for Mollie: the order page keeps asking. */
export const isProcessing = (status: OrderStatus): boolean => status === 'open' || status === 'pending'

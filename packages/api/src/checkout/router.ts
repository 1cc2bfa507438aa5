import {
  adminCreateCouponInput,
  adminOrdersInput,
  adminRefundInput,
  adminSetCouponActiveInput,
  adminUpdateProductInput,
  checkoutStartInput,
  couponPreviewInput,
  localeSchema,
  orderIdInput,
} from '@jouwbot/shared'
import { z } from 'zod'
import { adminProcedure, adminSudoProcedure, authedProcedure, publicProcedure, router } from '../trpc.ts'
import { listActiveProducts } from './catalog.ts'
import { createCoupon, listCoupons, listProductsForAdmin, previewCoupon, setCouponActive, updateProduct } from './manage-catalog.ts'
import { listOrdersForAdmin, orderForAdmin, orderForBuyer, ordersOfBuyer, startOrderPayment } from './orders.ts'
import { refundOrder } from './refunds.ts'
import { getCoachingBalance } from './get-coaching-balance.ts'
import { getLastBilling } from './get-last-billing.ts'
import { startCheckout } from './start-checkout.ts'

const localeInput = z.object({ locale: localeSchema }).strict()

export const checkoutRouter = router({
  products: publicProcedure.input(localeInput).query(({ ctx, input }) => listActiveProducts(ctx.deps.db, input.locale)),
  previewCoupon: publicProcedure
    .input(couponPreviewInput.extend({ locale: localeSchema }))
    .query(({ ctx, input }) => previewCoupon(ctx.deps, input, input.locale)),
  start: authedProcedure.input(checkoutStartInput).mutation(({ ctx, input }) => startCheckout(ctx.deps, ctx.user, input)),
  /** Pay again after a failed, canceled or expired attempt. */
  retry: authedProcedure.input(orderIdInput).mutation(({ ctx, input }) => startOrderPayment(ctx.deps, ctx.user, input.orderId)),
  order: authedProcedure.input(orderIdInput).query(({ ctx, input }) => orderForBuyer(ctx.deps, ctx.user, input.orderId)),
  myOrders: authedProcedure.query(({ ctx }) => ordersOfBuyer(ctx.deps, ctx.user)),
  /** The address of the buyer's last order: a second purchase starts filled in. */
  lastBilling: authedProcedure.query(({ ctx }) => getLastBilling(ctx.deps, ctx.user)),
  /** Coaching sessions bought and not taken back (the coaching domain will book them). */
  coachingBalance: authedProcedure.query(({ ctx }) => getCoachingBalance(ctx.deps, ctx.user)),
})

export const adminCheckoutRouter = router({
  orders: adminProcedure.input(adminOrdersInput).query(({ ctx, input }) => listOrdersForAdmin(ctx.deps, ctx.user, input)),
  order: adminProcedure.input(orderIdInput).query(({ ctx, input }) => orderForAdmin(ctx.deps, ctx.user, input.orderId)),
  // Money leaves the company: a fresh password (sudo mode) is required.
  refund: adminSudoProcedure.input(adminRefundInput).mutation(({ ctx, input }) => refundOrder(ctx.deps, ctx.user, input)),
  products: adminProcedure.query(({ ctx }) => listProductsForAdmin(ctx.deps)),
  updateProduct: adminProcedure.input(adminUpdateProductInput).mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.user, input)),
  coupons: adminProcedure.query(({ ctx }) => listCoupons(ctx.deps)),
  createCoupon: adminProcedure.input(adminCreateCouponInput).mutation(({ ctx, input }) => createCoupon(ctx.deps, ctx.user, input)),
  setCouponActive: adminProcedure.input(adminSetCouponActiveInput).mutation(({ ctx, input }) => setCouponActive(ctx.deps, ctx.user, input)),
})

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
import { createCoupon } from './create-coupon.ts'
import { getOrderForAdmin } from './get-order-for-admin.ts'
import { getOrderForBuyer } from './get-order-for-buyer.ts'
import { listCoupons } from './list-coupons.ts'
import { listOrdersForAdmin } from './list-orders-for-admin.ts'
import { listOrdersOfBuyer } from './list-orders-of-buyer.ts'
import { listProductsForAdmin } from './list-products-for-admin.ts'
import { previewCoupon } from './preview-coupon.ts'
import { refundOrder } from './refund-order.ts'
import { setCouponActive } from './set-coupon-active.ts'
import { getCoachingBalance } from './get-coaching-balance.ts'
import { getLastBilling } from './get-last-billing.ts'
import { startCheckout } from './start-checkout.ts'
import { startOrderPayment } from './start-order-payment.ts'
import { updateProduct } from './update-product.ts'

const localeInput = z.object({ locale: localeSchema }).strict()

export const checkoutRouter = router({
  products: publicProcedure.input(localeInput).query(({ ctx, input }) => listActiveProducts(ctx.deps.db, input.locale)),
  previewCoupon: publicProcedure
    .input(couponPreviewInput.extend({ locale: localeSchema }))
    .query(({ ctx, input }) => previewCoupon(ctx.deps, input)),
  start: authedProcedure.input(checkoutStartInput).mutation(({ ctx, input }) => startCheckout(ctx.deps, ctx.user, input)),
  /** Pay again after a failed, canceled or expired attempt. */
  retry: authedProcedure.input(orderIdInput).mutation(({ ctx, input }) => startOrderPayment(ctx.deps, ctx.user, input.orderId)),
  order: authedProcedure.input(orderIdInput).query(({ ctx, input }) => getOrderForBuyer(ctx.deps, ctx.user, input.orderId)),
  myOrders: authedProcedure.query(({ ctx }) => listOrdersOfBuyer(ctx.deps, ctx.user)),
  /** The address of the buyer's last order: a second purchase starts filled in. */
  lastBilling: authedProcedure.query(({ ctx }) => getLastBilling(ctx.deps, ctx.user)),
  /** Coaching sessions bought and not taken back (the coaching domain will book them). */
  coachingBalance: authedProcedure.query(({ ctx }) => getCoachingBalance(ctx.deps, ctx.user)),
})

export const adminCheckoutRouter = router({
  orders: adminProcedure.input(adminOrdersInput).query(({ ctx, input }) => listOrdersForAdmin(ctx.deps, ctx.user, input)),
  order: adminProcedure.input(orderIdInput).query(({ ctx, input }) => getOrderForAdmin(ctx.deps, ctx.user, input.orderId)),
  // Money leaves the company: a fresh password (sudo mode) is required.
  refund: adminSudoProcedure.input(adminRefundInput).mutation(({ ctx, input }) => refundOrder(ctx.deps, ctx.user, input)),
  products: adminProcedure.query(({ ctx }) => listProductsForAdmin(ctx.deps)),
  updateProduct: adminProcedure.input(adminUpdateProductInput).mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.user, input)),
  coupons: adminProcedure.query(({ ctx }) => listCoupons(ctx.deps)),
  createCoupon: adminProcedure.input(adminCreateCouponInput).mutation(({ ctx, input }) => createCoupon(ctx.deps, ctx.user, input)),
  setCouponActive: adminProcedure.input(adminSetCouponActiveInput).mutation(({ ctx, input }) => setCouponActive(ctx.deps, ctx.user, input)),
})

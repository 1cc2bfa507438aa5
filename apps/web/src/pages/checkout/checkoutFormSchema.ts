import { billingSchema, checkoutStartInput, couponCodeSchema } from '@jouwbot/shared'

/**
 * The form's own schema: the shared billing fields flat (so each error lands on its field), plus the
 * coupon and the terms. `safeExtend` keeps the billing rule "a VAT number needs a company name".
 * The procedure's input is built from it in useCheckoutForm's onSubmit.
 */
export const checkoutFormSchema = billingSchema.safeExtend({
  couponCode: couponCodeSchema.optional(),
  acceptTerms: checkoutStartInput.shape.acceptTerms,
  waiveWithdrawal: checkoutStartInput.shape.waiveWithdrawal,
})

/** A course is digital content: it starts at once only with the buyer's express consent (the server checks too). */
export const courseCheckoutFormSchema = checkoutFormSchema.refine((values) => values.waiveWithdrawal === true, {
  path: ['waiveWithdrawal'],
  error: 'validation.waiveWithdrawal',
  // Also when other fields are wrong, so every missing box is marked at once.
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
})

/** The server's coupon refusals: shown at the coupon field. */
export const couponKeys = ['checkout.couponInvalid', 'checkout.couponExpired', 'checkout.couponNotForProduct', 'checkout.couponExhausted', 'checkout.couponHeldByYou']

import type { Me } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { usePageRestored } from '../../lib/usePageRestored.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import { checkoutFormSchema, couponKeys, courseCheckoutFormSchema } from './checkoutFormSchema.ts'
import type { LastBilling, Product } from './types.ts'

/** The billing details, coupon and consents of one checkout, and the start of the payment at Mollie. */
export function useCheckoutForm(product: Product, me: Me, lastBilling: LastBilling | null) {
  const locale = useLocale()
  const trpc = useTRPC()
  // One id per distinct submission: submitting the same details twice (double click, retry after a
  // timeout) gives one order; changed details (another coupon or address) make a new one.
  const submitted = useRef<{ payload: string; requestId: string } | null>(null)
  const requestIdFor = (payload: unknown) => {
    const key = JSON.stringify(payload)
    if (submitted.current?.payload !== key) submitted.current = { payload: key, requestId: crypto.randomUUID() }
    return submitted.current.requestId
  }
  const [redirecting, setRedirecting] = useState(false)
  usePageRestored(() => setRedirecting(false))

  const start = useMutation(trpc.checkout.start.mutationOptions())
  const form = useZodForm({
    schema: product.includesCourse ? courseCheckoutFormSchema : checkoutFormSchema,
    defaultValues: {
      // A second purchase starts with the details of the last order; a first one with the account's name.
      name: lastBilling?.name ?? `${me.firstName} ${me.lastName}`.trim(),
      addressLine: lastBilling?.addressLine ?? '',
      postalCode: lastBilling?.postalCode ?? '',
      city: lastBilling?.city ?? '',
      country: lastBilling?.country ?? 'NL',
      business: Boolean(lastBilling?.company || lastBilling?.vatNumber),
      company: lastBilling?.company ?? '',
      vatNumber: lastBilling?.vatNumber ?? '',
      couponCode: '',
      acceptTerms: false,
      waiveWithdrawal: false,
    },
    // A company and VAT number count only for a business purchase; an empty coupon field is no coupon.
    toInput: ({ business, company, vatNumber, couponCode, ...values }) => ({
      ...values,
      company: business ? company : '',
      vatNumber: business ? vatNumber : '',
      couponCode: couponCode.trim() === '' ? undefined : couponCode,
    }),
    keyFields: {
      'validation.waiveWithdrawal': 'waiveWithdrawal',
      ...Object.fromEntries(couponKeys.map((key) => [key, 'couponCode'])),
      'checkout.vatNumberInvalid': 'vatNumber',
      'validation.companyRequired': 'company',
    },
    onSubmit: async ({ couponCode, acceptTerms: accepted, waiveWithdrawal: waived, ...billing }) => {
      const order = { productSlug: product.slug, couponCode, billing, locale }
      const { checkoutUrl } = await start.mutateAsync({
        ...order,
        requestId: requestIdFor(order),
        acceptTerms: accepted,
        ...(product.includesCourse && { waiveWithdrawal: waived }),
      })
      // The button stays busy while the browser leaves for Mollie's checkout.
      setRedirecting(true)
      window.location.assign(checkoutUrl)
    },
  })

  return { form, redirecting }
}

export type CheckoutForm = ReturnType<typeof useCheckoutForm>['form']

import { couponCodeSchema } from '@jouwbot/shared'
import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import type { AppliedCoupon } from './OrderSummary.tsx'
import type { Product } from './types.ts'
import type { CheckoutForm } from './useCheckoutForm.ts'

/**
 * The coupon field of the checkout: "apply" asks the server for the price with the coupon (the order
 * is priced again when it starts); its refusal shows at the field, as does one from the final submit.
 */
export function useCoupon(product: Product, form: CheckoutForm) {
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const boxRef = useRef<HTMLDivElement>(null)
  const focus = () => boxRef.current?.querySelector('input')?.focus()
  const [applied, setApplied] = useState<AppliedCoupon | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function apply(): Promise<void> {
    if (busy) return
    setError(null)
    form.clearFieldError('couponCode')
    const parsed = couponCodeSchema.safeParse(form.methods.getValues('couponCode'))
    if (!parsed.success) {
      setError('validation.couponCode')
      focus()
      return
    }
    setBusy(true)
    try {
      const preview = await queryClient.fetchQuery({
        ...trpc.checkout.previewCoupon.queryOptions({ productSlug: product.slug, couponCode: parsed.data, locale }),
        staleTime: 0,
        retry: false,
      })
      setApplied(preview)
      form.methods.setValue('couponCode', preview.code)
    } catch (caught) {
      const details = describeError(caught)
      setApplied(null)
      setError('requestId' in details.values ? 'error.genericNoCode' : details.messageKey)
      focus()
    } finally {
      setBusy(false)
    }
  }

  function remove(): void {
    setApplied(null)
    form.methods.setValue('couponCode', '')
    setError(null)
    form.clearFieldError('couponCode')
    focus()
  }

  const field = {
    ...form.field('couponCode', {
      onChange: () => {
        setApplied(null)
        setError(null)
      },
    }),
    error: error ?? form.fieldErrors.couponCode,
  }

  return { boxRef, field, applied, busy, apply, remove }
}

export type Coupon = ReturnType<typeof useCoupon>

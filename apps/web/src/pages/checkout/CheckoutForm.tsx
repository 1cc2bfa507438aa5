import type { Me } from '@jouwbot/shared'
import { useQuery } from '@tanstack/react-query'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { Form } from '../../components/Form.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { BillingFieldset } from './BillingFieldset.tsx'
import { CouponFieldset } from './CouponFieldset.tsx'
import { OrderSummary } from './OrderSummary.tsx'
import type { LastBilling, Product } from './types.ts'
import { useCheckoutForm } from './useCheckoutForm.ts'
import { useCoupon } from './useCoupon.ts'

/** The checkout of one product: the summary next to coupon, billing details and consents. */
export function CheckoutForm({ product, me, lastBilling }: { product: Product; me: Me; lastBilling: LastBilling | null }) {
  const { t } = useTranslation()
  const { form, redirecting } = useCheckoutForm(product, me, lastBilling)
  const coupon = useCoupon(product, form)
  const alreadyOwned = form.error?.key === 'checkout.alreadyOwned'
  // The tick names the privacy statement version in force and links to exactly that text.
  const trpc = useTRPC()
  const policy = useQuery(trpc.privacy.policy.queryOptions({}))
  const policyVersion = policy.data?.version ?? null

  return (
    <div className="container checkout">
      <PageHeader eyebrow={t('checkout.eyebrow')} title={t('checkout.heading')} intro={t('checkout.intro')} />
      <div className="checkout__layout">
        <OrderSummary product={product} coupon={coupon.applied} />
        <Form
          form={form}
          className="checkout__form"
          alertExtra={
            alreadyOwned ? (
              <p>
                <Link to="/dashboard">{t('checkout.toMyCourses')}</Link>
              </p>
            ) : null
          }
        >
          <CouponFieldset coupon={coupon} />
          <BillingFieldset form={form} />
          <CheckboxField
            label={
              <Trans
                i18nKey={policyVersion ? 'checkout.termsPolicyVersion' : 'checkout.terms'}
                values={{ version: policyVersion }}
                components={{
                  terms: <Link to="/voorwaarden" target="_blank" rel="noreferrer" />,
                  privacy: <Link to={policyVersion ? `/privacy?versie=${policyVersion}` : '/privacy'} target="_blank" rel="noreferrer" />,
                }}
              />
            }
            hint={t('checkout.termsHint')}
            {...form.field('acceptTerms')}
          />
          {product.includesCourse ? (
            <CheckboxField
              label={t('checkout.waiveWithdrawal')}
              hint={t('checkout.waiveWithdrawalHint')}
              {...form.field('waiveWithdrawal')}
            />
          ) : null}
          <div className="form__actions">
            <Button type="submit" className="btn--large" pending={form.busy || redirecting} pendingLabel={t('checkout.redirecting')}>
              {t('checkout.pay')}
            </Button>
          </div>
          <p className="form__fineprint">{t('checkout.payFineprint')}</p>
        </Form>
      </div>
    </div>
  )
}

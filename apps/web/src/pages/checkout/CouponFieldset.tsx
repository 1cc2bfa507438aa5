import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { TextField } from '../../components/TextField.tsx'
import { formatMoney } from '@jouwbot/shared/money'
import { useLocale } from '../../lib/useLocale.ts'
import type { Coupon } from './useCoupon.ts'

/** The coupon code with its apply / remove button and what it takes off. */
export function CouponFieldset({ coupon }: { coupon: Coupon }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const { applied } = coupon
  return (
    <fieldset className="fieldset checkout__group">
      <legend className="checkout__legend">{t('checkout.couponTitle')}</legend>
      <div className="coupon" ref={coupon.boxRef}>
        <TextField
          {...coupon.field}
          label={t('checkout.couponCode')}
          className="input--mono coupon__input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          onKeyDown={(event) => {
            // Enter in the coupon field applies the coupon instead of paying.
            if (event.key === 'Enter') {
              event.preventDefault()
              void coupon.apply()
            }
          }}
        />
        {applied ? (
          <Button variant="secondary" className="coupon__button" onClick={coupon.remove}>
            {t('checkout.couponRemove')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            className="coupon__button"
            pending={coupon.busy}
            pendingLabel={t('common.checking')}
            onClick={() => void coupon.apply()}
          >
            {t('checkout.couponApply')}
          </Button>
        )}
      </div>
      <p className="form__status" role="status">
        {applied
          ? t('checkout.couponApplied', {
              code: applied.code,
              discount: formatMoney(applied.discountCents, locale),
              total: formatMoney(applied.totalCents, locale),
            })
          : null}
      </p>
    </fieldset>
  )
}

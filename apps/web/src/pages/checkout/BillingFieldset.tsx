import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { SelectField } from '../../components/SelectField.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useLocale } from '../../lib/useLocale.ts'
import { countryOptions } from './countries.ts'
import type { CheckoutForm } from './useCheckoutForm.ts'

/** Name and address for the invoice; a business adds its company name and VAT number. */
export function BillingFieldset({ form }: { form: CheckoutForm }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const countries = useMemo(() => countryOptions(locale), [locale])
  const business = form.methods.watch('business')
  return (
    <fieldset className="fieldset checkout__group">
      <legend className="checkout__legend">{t('checkout.billingTitle')}</legend>
      <TextField label={t('checkout.name')} autoComplete="name" required maxLength={100} {...form.field('name')} />
      <TextField
        label={t('checkout.addressLine')}
        autoComplete="street-address"
        required
        maxLength={120}
        {...form.field('addressLine')}
      />
      <div className="form__row">
        <TextField label={t('checkout.postalCode')} autoComplete="postal-code" required maxLength={12} {...form.field('postalCode')} />
        <TextField label={t('checkout.city')} autoComplete="address-level2" required maxLength={80} {...form.field('city')} />
      </div>
      <SelectField label={t('checkout.country')} autoComplete="country" options={countries} {...form.field('country')} />
      <CheckboxField label={t('checkout.business')} hint={t('checkout.businessHint')} {...form.field('business')} />
      {business ? (
        <div className="checkout__business">
          <TextField label={t('checkout.company')} autoComplete="organization" maxLength={120} {...form.field('company')} />
          <TextField
            label={t('checkout.vatNumber')}
            hint={t('checkout.vatNumberHint')}
            className="input--mono"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            {...form.field('vatNumber')}
          />
        </div>
      ) : null}
    </fieldset>
  )
}

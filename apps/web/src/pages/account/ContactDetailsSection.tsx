import { updateContactDetailsInput, type ContactDetails } from '@jouwbot/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { Form } from '../../components/Form.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { SelectField } from '../../components/SelectField.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import { countryOptions } from '../checkout/countries.ts'
import { AccountSection } from './AccountSection.tsx'

interface Fields {
  phone: string
  company: string
  addressLine: string
  postalCode: string
  city: string
  country: string
  vatNumber: string
}

/** Art. 16: phone, company, address and VAT number on the profile, all optional; clearing a field removes it. */
export function ContactDetailsSection() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const details = useQuery(trpc.account.contactDetails.queryOptions())
  return (
    <AccountSection id="contact-details" title={t('contactDetails.title')} intro={t('contactDetails.intro')}>
      <QueryState query={details}>{(data) => <ContactDetailsForm details={data} />}</QueryState>
    </AccountSection>
  )
}

function ContactDetailsForm({ details }: { details: Required<ContactDetails> }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const countries = useMemo(() => [{ value: '', label: t('contactDetails.noCountry') }, ...countryOptions(locale)], [locale, t])
  const update = useMutation(trpc.account.updateContactDetails.mutationOptions())
  const form = useZodForm<Fields, ContactDetails>({
    schema: updateContactDetailsInput,
    defaultValues: {
      phone: details.phone ?? '',
      company: details.company ?? '',
      addressLine: details.addressLine ?? '',
      postalCode: details.postalCode ?? '',
      city: details.city ?? '',
      country: details.country ?? '',
      vatNumber: details.vatNumber ?? '',
    },
    toInput: (values) => ({ ...values, country: values.country === '' ? null : values.country }),
    onSubmit: async (input) => {
      const saved = await update.mutateAsync(input)
      queryClient.setQueryData(trpc.account.contactDetails.queryKey(), saved)
    },
  })
  return (
    <Form form={form}>
      <TextField label={t('contactDetails.phone')} type="tel" autoComplete="tel" maxLength={30} {...form.field('phone')} />
      <TextField label={t('contactDetails.company')} autoComplete="organization" maxLength={120} {...form.field('company')} />
      <TextField label={t('checkout.addressLine')} autoComplete="street-address" maxLength={120} {...form.field('addressLine')} />
      <div className="form__row">
        <TextField label={t('checkout.postalCode')} autoComplete="postal-code" maxLength={12} {...form.field('postalCode')} />
        <TextField label={t('checkout.city')} autoComplete="address-level2" maxLength={80} {...form.field('city')} />
      </div>
      <SelectField label={t('checkout.country')} autoComplete="country" options={countries} {...form.field('country')} />
      <TextField label={t('contactDetails.vatNumber')} hint={t('contactDetails.vatNumberHint')} className="input--mono" autoComplete="off" spellCheck={false} maxLength={24} {...form.field('vatNumber')} />
      <div className="form__actions">
        <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
          {t('common.save')}
        </Button>
        <p className="form__status" role="status">
          {form.saved ? t('contactDetails.saved') : null}
        </p>
      </div>
    </Form>
  )
}

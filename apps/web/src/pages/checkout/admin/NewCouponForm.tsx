import { adminCreateCouponInput } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { Form } from '../../../components/Form.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { amsterdamWallClockToDate } from '../../../lib/amsterdamTime.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { eurosToCents } from '../money.ts'
import type { AdminProduct } from '../types.ts'
import { FormActions } from '../../../components/FormActions.tsx'

type Kind = 'percent' | 'amount'

/** A whole number from a text field: empty → null, anything else unreadable → NaN (the schema refuses it). */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

export function NewCouponForm({ products }: { products: AdminProduct[] }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [productSlugs, setProductSlugs] = useState<string[]>([])
  const [created, setCreated] = useState<string | null>(null)
  const create = useMutation(trpc.admin.checkout.createCoupon.mutationOptions())

  const form = useZodForm({
    schema: adminCreateCouponInput,
    // One value field: a percentage or an amount in euros, as the kind says.
    defaultValues: { code: '', kind: 'percent' as Kind, value: '', validFrom: '', validUntil: '', maxRedemptions: '' },
    toInput: ({ code, kind, value, validFrom, validUntil, maxRedemptions }) => ({
      code,
      kind,
      percentOff: kind === 'percent' ? wholeNumber(value) : null,
      amountOffCents: kind === 'amount' ? eurosToCents(value) : null,
      // The shop runs on Dutch time, wherever the admin's browser is; empty → no limit.
      validFrom: amsterdamWallClockToDate(validFrom),
      validUntil: amsterdamWallClockToDate(validUntil),
      maxRedemptions: wholeNumber(maxRedemptions),
      productSlugs,
    }),
    keyFields: { 'admin.couponCodeTaken': 'code' },
    onEdit: () => setCreated(null),
    onSubmit: async (input) => {
      const coupon = await create.mutateAsync(input)
      await queryClient.invalidateQueries(trpc.admin.checkout.coupons.queryFilter())
      setCreated(coupon.code)
      for (const name of ['code', 'value', 'validFrom', 'validUntil', 'maxRedemptions'] as const) form.methods.setValue(name, '')
      setProductSlugs([])
    },
  })

  const kind = form.methods.watch('kind')
  const valueField = kind === 'percent' ? 'percentOff' : 'amountOffCents'
  const valueBinding = form.field('value', {
    onChange: () => {
      form.clearFieldError(valueField)
      form.clearFieldError('kind')
    },
  })

  return (
    <AdminSection title={t('admin.coupons.newTitle')}>
      {created ? (
        <Notice tone="success">
          <p>{t('admin.coupons.created', { code: created })}</p>
        </Notice>
      ) : null}
      <Form form={form}>
        <TextField
          label={t('admin.coupons.code')}
          hint={t('admin.coupons.codeHint')}
          className="input--mono"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={40}
          {...form.field('code')}
        />
        {/* The shared schema reports a missing value on `kind`; it is shown at the value field instead. */}
        <div className="form__row">
          <SelectField
            label={t('admin.coupons.kind')}
            options={[
              { value: 'percent', label: t('admin.coupons.kindPercent') },
              { value: 'amount', label: t('admin.coupons.kindAmount') },
            ]}
            {...form.field('kind', {
              onChange: () => {
                form.clearFieldError('percentOff')
                form.clearFieldError('amountOffCents')
              },
            })}
            error={undefined}
          />
          <TextField
            label={kind === 'percent' ? t('admin.coupons.percentOff') : t('admin.coupons.amountOff')}
            inputMode={kind === 'percent' ? 'numeric' : 'decimal'}
            autoComplete="off"
            required
            {...valueBinding}
            error={form.fieldErrors[valueField] ?? form.fieldErrors.kind}
          />
        </div>
        <div className="form__row">
          <TextField
            label={t('admin.coupons.validFrom')}
            hint={t('admin.coupons.validityHint')}
            type="datetime-local"
            {...form.field('validFrom')}
          />
          <TextField
            label={t('admin.coupons.validUntil')}
            hint={t('admin.coupons.validityHint')}
            type="datetime-local"
            {...form.field('validUntil')}
          />
        </div>
        <TextField
          label={t('admin.coupons.maxRedemptions')}
          hint={t('admin.coupons.maxRedemptionsHint')}
          inputMode="numeric"
          autoComplete="off"
          className="input--short"
          {...form.field('maxRedemptions')}
        />
        <fieldset className="fieldset">
          <legend className="field__label">{t('admin.coupons.productsLabel')}</legend>
          <p className="field__hint">{t('admin.coupons.productsHint')}</p>
          {products.map((product) => (
            <CheckboxField
              key={product.id}
              label={product.nameNl}
              name="productSlugs"
              value={product.slug}
              checked={productSlugs.includes(product.slug)}
              onChange={(event) => {
                const { checked } = event.target
                setCreated(null)
                setProductSlugs((current) => (checked ? [...current, product.slug] : current.filter((slug) => slug !== product.slug)))
              }}
            />
          ))}
        </fieldset>
        <FormActions busy={form.busy} submitLabel={t('admin.coupons.create')} pendingLabel={t('common.saving')} />
      </Form>
    </AdminSection>
  )
}

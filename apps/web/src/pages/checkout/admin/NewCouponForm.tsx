import { adminCreateCouponInput } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { Form } from '../../../components/Form.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { amsterdamWallClockToDate } from '../../../lib/amsterdamTime.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useForm } from '../../../lib/useForm.ts'
import { eurosToCents } from '../money.ts'
import type { AdminProduct } from '../types.ts'

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
  const titleId = useId()
  const [code, setCode] = useState('')
  const [kind, setKind] = useState<Kind>('percent')
  const [value, setValue] = useState('')
  const [validFrom, setValidFrom] = useState('')
  const [validUntil, setValidUntil] = useState('')
  const [maxRedemptions, setMaxRedemptions] = useState('')
  const [productSlugs, setProductSlugs] = useState<string[]>([])
  const [created, setCreated] = useState<string | null>(null)
  const create = useMutation(trpc.admin.checkout.createCoupon.mutationOptions())

  const form = useForm({
    schema: adminCreateCouponInput,
    keyFields: { 'admin.couponCodeTaken': 'code' },
    onEdit: () => setCreated(null),
    onSubmit: async (input) => {
      const coupon = await create.mutateAsync(input)
      await queryClient.invalidateQueries(trpc.admin.checkout.coupons.queryFilter())
      setCreated(coupon.code)
      setCode('')
      setValue('')
      setValidFrom('')
      setValidUntil('')
      setMaxRedemptions('')
      setProductSlugs([])
    },
  })

  const valueField = kind === 'percent' ? 'percentOff' : 'amountOffCents'
  const valueBinding = form.bind(valueField, value, setValue)

  return (
    <section className="card admin-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="admin-section__title">
        {t('admin.coupons.newTitle')}
      </h2>
      {created ? (
        <Notice tone="success">
          <p>{t('admin.coupons.created', { code: created })}</p>
        </Notice>
      ) : null}
      <Form
        form={form}
        onSubmit={() =>
          form.submit({
            code,
            kind,
            percentOff: kind === 'percent' ? wholeNumber(value) : null,
            amountOffCents: kind === 'amount' ? eurosToCents(value) : null,
            // The shop runs on Dutch time, wherever the admin's browser is; empty → no limit.
            validFrom: amsterdamWallClockToDate(validFrom),
            validUntil: amsterdamWallClockToDate(validUntil),
            maxRedemptions: wholeNumber(maxRedemptions),
            productSlugs,
          })
        }
      >
        <TextField
          label={t('admin.coupons.code')}
          hint={t('admin.coupons.codeHint')}
          className="input--mono"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={40}
          {...form.bind('code', code, setCode)}
        />
        {/* The shared schema reports a missing value on `kind`; it is shown at the value field instead. */}
        <div className="form__row">
          <SelectField
            label={t('admin.coupons.kind')}
            options={[
              { value: 'percent', label: t('admin.coupons.kindPercent') },
              { value: 'amount', label: t('admin.coupons.kindAmount') },
            ]}
            {...form.bind('kind', kind, (next) => {
              setKind(next as Kind)
              form.clearFieldError('percentOff')
              form.clearFieldError('amountOffCents')
            })}
            error={undefined}
          />
          <TextField
            label={kind === 'percent' ? t('admin.coupons.percentOff') : t('admin.coupons.amountOff')}
            inputMode={kind === 'percent' ? 'numeric' : 'decimal'}
            autoComplete="off"
            required
            {...valueBinding}
            onChange={(event) => {
              valueBinding.onChange(event)
              form.clearFieldError('kind')
            }}
            error={valueBinding.error ?? form.fieldErrors.kind}
          />
        </div>
        <div className="form__row">
          <TextField
            label={t('admin.coupons.validFrom')}
            hint={t('admin.coupons.validityHint')}
            type="datetime-local"
            {...form.bind('validFrom', validFrom, setValidFrom)}
          />
          <TextField
            label={t('admin.coupons.validUntil')}
            hint={t('admin.coupons.validityHint')}
            type="datetime-local"
            {...form.bind('validUntil', validUntil, setValidUntil)}
          />
        </div>
        <TextField
          label={t('admin.coupons.maxRedemptions')}
          hint={t('admin.coupons.maxRedemptionsHint')}
          inputMode="numeric"
          autoComplete="off"
          className="input--short"
          {...form.bind('maxRedemptions', maxRedemptions, setMaxRedemptions)}
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
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
            {t('admin.coupons.create')}
          </Button>
        </div>
      </Form>
    </section>
  )
}

import { billingSchema, checkoutStartInput, couponCodeSchema, type Me } from '@jouwbot/shared'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { Form } from '../../components/Form.tsx'
import { Loading } from '../../components/Loading.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { SelectField } from '../../components/SelectField.tsx'
import { TextField } from '../../components/TextField.tsx'
import { describeError } from '../../lib/errors.ts'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useForm } from '../../lib/useForm.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { countryOptions } from './countries.ts'
import { OrderSummary, type AppliedCoupon } from './OrderSummary.tsx'
import { usePageRestored } from '../../lib/usePageRestored.ts'
import { formatMoney } from '../../lib/format.ts'
import type { Product } from './types.ts'
import { PageHeader } from '../../components/PageHeader.tsx'

/**
 * The form's own schema: the shared billing fields flat (so each error lands on its field), plus the
 * coupon and the terms. `safeExtend` keeps the billing rule "a VAT number needs a company name".
 * The procedure's input is built from it in onSubmit.
 */
const checkoutFormSchema = billingSchema.safeExtend({
  couponCode: couponCodeSchema.optional(),
  acceptTerms: checkoutStartInput.shape.acceptTerms,
  waiveWithdrawal: checkoutStartInput.shape.waiveWithdrawal,
})

/** A course is digital content: it starts at once only with the buyer's express consent (the server checks too). */
const courseCheckoutFormSchema = checkoutFormSchema.refine((values) => values.waiveWithdrawal === true, {
  path: ['waiveWithdrawal'],
  error: 'validation.waiveWithdrawal',
  // Also when other fields are wrong, so every missing box is marked at once.
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
})

const couponKeys = ['checkout.couponInvalid', 'checkout.couponExpired', 'checkout.couponNotForProduct', 'checkout.couponExhausted']

/** /afrekenen/:productSlug — members only (RequireAuth sends others to log in and back). */
export function CheckoutPage() {
  const { t } = useTranslation()
  const { productSlug = '' } = useParams()
  const locale = useLocale()
  const trpc = useTRPC()
  const { me } = useMe()
  // keepPreviousData: a language switch must not unmount the form and lose what was typed.
  const products = useQuery({ ...trpc.checkout.products.queryOptions({ locale }), placeholderData: keepPreviousData })
  const product = products.data?.find((candidate) => candidate.slug === productSlug)
  useDocumentTitle(product ? t('checkout.title', { product: product.name }) : t('checkout.titleShort'))

  if (products.isPending) return <Loading />
  if (products.isError) {
    return (
      <div className="container page-narrow">
        <QueryError error={products.error} onRetry={products.refetch} />
      </div>
    )
  }
  if (!product || !me) {
    return (
      <div className="container page-narrow empty-state">
        <h1>{t('checkout.notFoundTitle')}</h1>
        <p className="lead">{t('checkout.productNotFound')}</p>
        <Link className="btn btn--primary" to="/prijzen">
          {t('checkout.toPricing')}
        </Link>
      </div>
    )
  }
  return <CheckoutForm product={product} me={me} />
}

function CheckoutForm({ product, me }: { product: Product; me: Me }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const couponRef = useRef<HTMLDivElement>(null)
  const focusCoupon = () => couponRef.current?.querySelector('input')?.focus()
  // One id per distinct submission: submitting the same details twice (double click, retry after a
  // timeout) gives one order; changed details (another coupon or address) make a new one.
  const submitted = useRef<{ payload: string; requestId: string } | null>(null)
  const requestIdFor = (payload: unknown) => {
    const key = JSON.stringify(payload)
    if (submitted.current?.payload !== key) submitted.current = { payload: key, requestId: crypto.randomUUID() }
    return submitted.current.requestId
  }

  const [couponInput, setCouponInput] = useState('')
  const [applied, setApplied] = useState<AppliedCoupon | null>(null)
  const [couponError, setCouponError] = useState<string | null>(null)
  const [couponBusy, setCouponBusy] = useState(false)

  const [name, setName] = useState(`${me.firstName} ${me.lastName}`.trim())
  const [business, setBusiness] = useState(false)
  const [company, setCompany] = useState('')
  const [vatNumber, setVatNumber] = useState('')
  const [addressLine, setAddressLine] = useState('')
  const [postalCode, setPostalCode] = useState('')
  const [city, setCity] = useState('')
  const [country, setCountry] = useState('NL')
  const [acceptTerms, setAcceptTerms] = useState(false)
  const [waiveWithdrawal, setWaiveWithdrawal] = useState(false)
  const [redirecting, setRedirecting] = useState(false)
  const countries = useMemo(() => countryOptions(locale), [locale])
  usePageRestored(() => setRedirecting(false))

  const start = useMutation(trpc.checkout.start.mutationOptions())
  const form = useForm({
    schema: product.includesCourse ? courseCheckoutFormSchema : checkoutFormSchema,
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

  async function applyCoupon(): Promise<void> {
    if (couponBusy) return
    setCouponError(null)
    form.clearFieldError('couponCode')
    const parsed = couponCodeSchema.safeParse(couponInput)
    if (!parsed.success) {
      setCouponError('validation.couponCode')
      focusCoupon()
      return
    }
    setCouponBusy(true)
    try {
      const preview = await queryClient.fetchQuery({
        ...trpc.checkout.previewCoupon.queryOptions({ productSlug: product.slug, couponCode: parsed.data, locale }),
        staleTime: 0,
        retry: false,
      })
      setApplied(preview)
      setCouponInput(preview.code)
    } catch (caught) {
      const details = describeError(caught)
      setApplied(null)
      setCouponError('requestId' in details.values ? 'error.genericNoCode' : details.messageKey)
      focusCoupon()
    } finally {
      setCouponBusy(false)
    }
  }

  function removeCoupon(): void {
    setApplied(null)
    setCouponInput('')
    setCouponError(null)
    form.clearFieldError('couponCode')
    focusCoupon()
  }

  const couponBinding = form.bind('couponCode', couponInput, (value) => {
    setCouponInput(value)
    setApplied(null)
    setCouponError(null)
  })
  const shownCouponError = couponError ?? form.fieldErrors.couponCode

  const submit = () =>
    form.submit({
      name,
      company: business ? company : '',
      vatNumber: business ? vatNumber : '',
      addressLine,
      postalCode,
      city,
      country,
      couponCode: couponInput.trim() === '' ? undefined : couponInput,
      acceptTerms,
      waiveWithdrawal,
    })

  const alreadyOwned = form.error?.key === 'checkout.alreadyOwned'

  return (
    <div className="container checkout">
      <PageHeader eyebrow={t('checkout.eyebrow')} title={t('checkout.heading')} intro={t('checkout.intro')} />
      <div className="checkout__layout">
        <OrderSummary product={product} coupon={applied} />
        <Form
          form={form}
          onSubmit={submit}
          className="checkout__form"
          alertExtra={
            alreadyOwned ? (
              <p>
                <Link to="/dashboard">{t('checkout.toMyCourses')}</Link>
              </p>
            ) : null
          }
        >
          <fieldset className="fieldset checkout__group">
            <legend className="checkout__legend">{t('checkout.couponTitle')}</legend>
            <div className="coupon" ref={couponRef}>
              <TextField
                {...couponBinding}
                label={t('checkout.couponCode')}
                error={shownCouponError}
                className="input--mono coupon__input"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                onKeyDown={(event) => {
                  // Enter in the coupon field applies the coupon instead of paying.
                  if (event.key === 'Enter') {
                    event.preventDefault()
                    void applyCoupon()
                  }
                }}
              />
              {applied ? (
                <Button variant="secondary" className="coupon__button" onClick={removeCoupon}>
                  {t('checkout.couponRemove')}
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  className="coupon__button"
                  pending={couponBusy}
                  pendingLabel={t('common.checking')}
                  onClick={() => void applyCoupon()}
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

          <fieldset className="fieldset checkout__group">
            <legend className="checkout__legend">{t('checkout.billingTitle')}</legend>
            <TextField label={t('checkout.name')} autoComplete="name" required maxLength={100} {...form.bind('name', name, setName)} />
            <TextField
              label={t('checkout.addressLine')}
              autoComplete="street-address"
              required
              maxLength={120}
              {...form.bind('addressLine', addressLine, setAddressLine)}
            />
            <div className="form__row">
              <TextField
                label={t('checkout.postalCode')}
                autoComplete="postal-code"
                required
                maxLength={12}
                {...form.bind('postalCode', postalCode, setPostalCode)}
              />
              <TextField label={t('checkout.city')} autoComplete="address-level2" required maxLength={80} {...form.bind('city', city, setCity)} />
            </div>
            <SelectField
              label={t('checkout.country')}
              autoComplete="country"
              options={countries}
              {...form.bind('country', country, setCountry)}
            />
            <CheckboxField
              label={t('checkout.business')}
              hint={t('checkout.businessHint')}
              {...form.bindCheckbox('business', business, setBusiness)}
            />
            {business ? (
              <div className="checkout__business">
                <TextField
                  label={t('checkout.company')}
                  autoComplete="organization"
                  maxLength={120}
                  {...form.bind('company', company, setCompany)}
                />
                <TextField
                  label={t('checkout.vatNumber')}
                  hint={t('checkout.vatNumberHint')}
                  className="input--mono"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={20}
                  {...form.bind('vatNumber', vatNumber, setVatNumber)}
                />
              </div>
            ) : null}
          </fieldset>

          <CheckboxField
            label={
              <Trans
                i18nKey="checkout.terms"
                components={{
                  terms: <Link to="/voorwaarden" target="_blank" rel="noreferrer" />,
                  privacy: <Link to="/privacy" target="_blank" rel="noreferrer" />,
                }}
              />
            }
            hint={t('checkout.termsHint')}
            {...form.bindCheckbox('acceptTerms', acceptTerms, setAcceptTerms)}
          />
          {product.includesCourse ? (
            <CheckboxField
              label={t('checkout.waiveWithdrawal')}
              hint={t('checkout.waiveWithdrawalHint')}
              {...form.bindCheckbox('waiveWithdrawal', waiveWithdrawal, setWaiveWithdrawal)}
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

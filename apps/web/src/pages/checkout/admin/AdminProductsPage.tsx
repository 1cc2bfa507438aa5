import { adminUpdateProductInput } from '@jouwbot/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { Form } from '../../../components/Form.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { centsToEuros, eurosToCents } from '../money.ts'
import { formatDecimal, formatMoney } from '@jouwbot/shared/money'
import type { AdminProduct } from '../types.ts'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { FormActions } from '../../../components/FormActions.tsx'

/** /admin/producten — names, descriptions, prices (incl. VAT) and whether a product is for sale. */
export function AdminProductsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.products.title'))
  const trpc = useTRPC()
  const products = useQuery(trpc.admin.checkout.products.queryOptions())

  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('admin.products.title')} intro={t('admin.products.intro')} />
      <QueryState query={products} empty={<p className="empty-state--small">{t('admin.products.empty')}</p>}>
        {(list) => (
          <div className="admin-page__sections">
            {list.map((product) => (
              <ProductForm key={product.id} product={product} />
            ))}
          </div>
        )}
      </QueryState>
    </div>
  )
}

function ProductForm({ product }: { product: AdminProduct }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const update = useMutation(trpc.admin.checkout.updateProduct.mutationOptions())

  const form = useZodForm({
    schema: adminUpdateProductInput,
    defaultValues: {
      nameNl: product.nameNl,
      nameEn: product.nameEn,
      descriptionNl: product.descriptionNl,
      descriptionEn: product.descriptionEn,
      priceCents: centsToEuros(product.priceCents, locale),
      active: product.active,
    },
    // The price is typed in euros (with a comma or a point); the server gets cents.
    toInput: ({ priceCents, ...values }) => ({
      productSlug: product.slug,
      ...values,
      priceCents: eurosToCents(priceCents) ?? undefined,
    }),
    onSubmit: async (input) => {
      const updated = await update.mutateAsync(input)
      form.methods.setValue('priceCents', centsToEuros(updated.priceCents, locale))
      await queryClient.invalidateQueries(trpc.admin.checkout.products.queryFilter())
      // The public price list and checkout show the new name and price.
      await queryClient.invalidateQueries(trpc.checkout.products.pathFilter())
    },
  })

  const includes = [
    product.courseId ? t('pricing.includesCourse') : null,
    product.coachingCredits > 0 ? t('pricing.includesCoaching', { count: product.coachingCredits }) : null,
  ].filter(Boolean)

  return (
    <AdminSection
      title={product.nameNl}
      aside={
        <span className={product.active ? 'badge badge--success' : 'badge badge--muted'}>
          {product.active ? t('admin.products.active') : t('admin.products.inactive')}
        </span>
      }
    >
      <p className="muted admin-list__meta">
        {t('admin.products.meta', {
          slug: product.slug,
          price: formatMoney(product.priceCents, locale),
          rate: formatDecimal(product.vatRateBasisPoints / 100, locale),
        })}
        {includes.length > 0 ? ` · ${includes.join(' · ')}` : ''}
      </p>
      {form.saved ? (
        <Notice tone="success">
          <p>{t('admin.content.saved')}</p>
        </Notice>
      ) : null}
      <Form form={form}>
        <div className="form__row">
          <TextField label={t('admin.products.nameNl')} lang="nl" required maxLength={120} {...form.field('nameNl')} />
          <TextField label={t('admin.products.nameEn')} lang="en" required maxLength={120} {...form.field('nameEn')} />
        </div>
        <TextAreaField
          label={t('admin.products.descriptionNl')}
          lang="nl"
          rows={3}
          maxLength={2000}
          {...form.field('descriptionNl')}
        />
        <TextAreaField
          label={t('admin.products.descriptionEn')}
          lang="en"
          rows={3}
          maxLength={2000}
          {...form.field('descriptionEn')}
        />
        <TextField
          label={t('admin.products.price')}
          hint={t('admin.products.priceHint')}
          inputMode="decimal"
          autoComplete="off"
          required
          className="input--short"
          {...form.field('priceCents')}
        />
        <CheckboxField label={t('admin.products.activeLabel')} hint={t('admin.products.activeHint')} {...form.field('active')} />
        <FormActions busy={form.busy} submitLabel={t('common.save')} pendingLabel={t('common.saving')} />
      </Form>
    </AdminSection>
  )
}

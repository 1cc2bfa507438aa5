import { and, asc, eq, products, type DbOrTx } from '@jouwbot/db'
import { AppError, type Locale } from '@jouwbot/shared'
import type { PricedProduct } from './pricing.ts'

export type ProductRow = typeof products.$inferSelect

export const productName = (product: Pick<ProductRow, 'nameNl' | 'nameEn'>, locale: Locale) => (locale === 'en' ? product.nameEn : product.nameNl)

export function toPricedProduct(product: ProductRow, locale: Locale): PricedProduct {
  return {
    id: product.id,
    name: productName(product, locale),
    priceCents: product.priceCents,
    vatRateBasisPoints: product.vatRateBasisPoints,
    courseId: product.courseId,
    coachingCredits: product.coachingCredits,
  }
}

export async function activeProductBySlug(db: DbOrTx, slug: string): Promise<ProductRow> {
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.active, true)))
    .limit(1)
  if (!product) throw new AppError('NOT_FOUND', 'checkout.productNotFound')
  return product
}

/** The public price list, in shop order. */
export async function listActiveProducts(db: DbOrTx, locale: Locale) {
  const rows = await db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.position), asc(products.priceCents))
  return rows.map((product) => ({
    slug: product.slug,
    name: productName(product, locale),
    description: locale === 'en' ? product.descriptionEn : product.descriptionNl,
    priceCents: product.priceCents,
    vatRateBasisPoints: product.vatRateBasisPoints,
    includesCourse: product.courseId !== null,
    /** Lets the course pages show their price and buy path. */
    courseId: product.courseId,
    coachingCredits: product.coachingCredits,
  }))
}

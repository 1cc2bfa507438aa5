import { useLocale } from '../../lib/useLocale.ts'
import { courseDisplayTitle, useProducts } from '../checkout/useProducts.ts'

/** The course's name in the interface language (see courseDisplayTitle). */
export function useCourseTitle(course: { id: string; title: string } | undefined): string | undefined {
  const locale = useLocale()
  const products = useProducts()
  return course ? courseDisplayTitle(products.data, course, locale) : undefined
}

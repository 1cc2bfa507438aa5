import type { Locale } from '@jouwbot/shared'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import type { Product } from './types.ts'

/** The public price list in the interface language (names and descriptions per language). */
export function useProducts() {
  const locale = useLocale()
  const trpc = useTRPC()
  // Keep the cards on screen while the names load in the other language.
  return useQuery({ ...trpc.checkout.products.queryOptions({ locale }), placeholderData: keepPreviousData, staleTime: 60_000 })
}

/** The products that unlock a course, cheapest first. */
export function productsForCourse(products: readonly Product[] | undefined, courseId: string): Product[] {
  return (products ?? []).filter((product) => product.courseId === courseId).sort((a, b) => a.priceCents - b.priceCents)
}

/**
 * The name a course goes by in the interface language. Courses are written (and titled) in Dutch; the
 * shop names the course-only product per language, so in English the course is called what the shop
 * sells it as ("Premium Course"), never a mix of both.
 */
export function courseDisplayTitle(
  products: readonly Product[] | undefined,
  course: { id: string; title: string },
  locale: Locale,
): string {
  if (locale === 'nl') return course.title
  const courseOnly = productsForCourse(products, course.id).find((product) => product.coachingCredits === 0)
  return courseOnly?.name ?? course.title
}

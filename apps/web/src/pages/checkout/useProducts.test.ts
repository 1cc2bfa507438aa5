import { describe, expect, test } from 'vitest'
import type { Product } from './types.ts'
import { courseDisplayTitle, productsForCourse } from './useProducts.ts'

const product = (slug: string, name: string, priceCents: number, courseId: string | null, coachingCredits = 0): Product => ({
  slug,
  name,
  description: '',
  priceCents,
  vatRateBasisPoints: 2100,
  includesCourse: courseId !== null,
  courseId,
  coachingCredits,
})

const list = [
  product('premium-plus', 'Premium Course + 3 coaching sessions', 59_700, 'c1', 3),
  product('coaching', 'Single coaching session', 12_500, null, 1),
  product('premium', 'Premium Course', 29_700, 'c1'),
]

describe('products for a course', () => {
  test('only the products that unlock it, cheapest first', () => {
    expect(productsForCourse(list, 'c1').map((p) => p.slug)).toEqual(['premium', 'premium-plus'])
    expect(productsForCourse(list, 'c2')).toEqual([])
    expect(productsForCourse(undefined, 'c1')).toEqual([])
  })

  test('in English a course is called what the shop sells it as; in Dutch by its own title', () => {
    const course = { id: 'c1', title: 'Premium Cursus' }
    expect(courseDisplayTitle(list, course, 'en')).toBe('Premium Course')
    expect(courseDisplayTitle(list, course, 'nl')).toBe('Premium Cursus')
    // No course-only product (or the list not loaded yet): the course's own title.
    expect(courseDisplayTitle(list.slice(0, 2), course, 'en')).toBe('Premium Cursus')
    expect(courseDisplayTitle(undefined, course, 'en')).toBe('Premium Cursus')
  })
})

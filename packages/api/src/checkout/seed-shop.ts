import { coupons, courses, eq, products } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'

/**
 * The shop of the demo site: the three products of the mission, and one welcome coupon. Rows that
 * exist (matched by slug or code) are left alone, so admins' price changes stay.
 */
export async function seedShop(deps: Pick<AppDeps, 'db' | 'clock'>, courseSlug: string): Promise<void> {
  const [course] = await deps.db.select({ id: courses.id }).from(courses).where(eq(courses.slug, courseSlug)).limit(1)
  if (!course) return
  const now = deps.clock.now()
  await deps.db
    .insert(products)
    .values([
      {
        slug: 'premium-cursus',
        nameNl: 'Premium Cursus',
        nameEn: 'Premium Course',
        descriptionNl: 'Alle 30+ video’s: chatbots bouwen, lanceren en verkopen. Levenslang toegang.',
        descriptionEn: 'All 30+ videos: build, launch and sell chatbots. Lifetime access.',
        priceCents: 29_700,
        courseId: course.id,
        position: 1,
        createdAt: now,
        updatedAt: now,
      },
      {
        slug: 'premium-cursus-coaching',
        nameNl: 'Premium Cursus + 3 coachingsessies',
        nameEn: 'Premium Course + 3 coaching sessions',
        descriptionNl: 'De complete cursus plus drie 1-op-1 sessies van een uur met een coach.',
        descriptionEn: 'The complete course plus three one-hour 1-on-1 sessions with a coach.',
        priceCents: 69_700,
        courseId: course.id,
        coachingCredits: 3,
        position: 2,
        createdAt: now,
        updatedAt: now,
      },
      {
        slug: 'coachingsessie',
        nameNl: 'Losse coachingsessie',
        nameEn: 'Single coaching session',
        descriptionNl: 'Eén 1-op-1 sessie van een uur om je chatbot of verkoop door te nemen.',
        descriptionEn: 'One one-hour 1-on-1 session to go through your chatbot or sales.',
        priceCents: 14_900,
        coachingCredits: 1,
        position: 3,
        createdAt: now,
        updatedAt: now,
      },
    ])
    .onConflictDoNothing()
  await deps.db.insert(coupons).values({ code: 'WELKOM10', kind: 'percent', percentOff: 10, createdAt: now }).onConflictDoNothing()
}

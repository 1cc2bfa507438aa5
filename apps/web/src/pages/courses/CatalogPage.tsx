import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isoDuration } from '../../lib/format.ts'
import { formatDecimal, formatMoney } from '@jouwbot/shared/money'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useDuration } from '../../lib/useDuration.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { useLocale } from '../../lib/useLocale.ts'
import { courseDisplayTitle, productsForCourse, useProducts } from '../checkout/useProducts.ts'
import type { Product } from '../checkout/types.ts'
import { CourseCover } from './CourseCover.tsx'
import { DutchOnlyNote } from './DutchOnlyNote.tsx'
import './courses.css'

/** /cursussen: every published course. */
export function CatalogPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('catalog.title'))
  const trpc = useTRPC()
  const duration = useDuration()
  const courses = useQuery(trpc.course.list.queryOptions())
  const products = useProducts()
  const locale = useLocale()

  return (
    <div className="container course-catalog">
      <PageHeader eyebrow={t('catalog.eyebrow')} title={t('catalog.title')} intro={t('catalog.intro')} lead />
      <QueryState query={courses} empty={<p className="empty-state--small">{t('catalog.empty')}</p>}>
        {(list) => (
          <ul className="course-cards">
            {list.map((course) => (
              <li key={course.id}>
                <article className="card card--raised course-card" aria-labelledby={`course-${course.id}`}>
                  <CourseCover />
                  <h2 id={`course-${course.id}`} className="course-card__title">
                    {courseDisplayTitle(products.data, course, locale)}
                  </h2>
                  <p className="course-meta">
                    <span>{t('course.lessonCount', { count: course.lessonCount })}</span>
                    <span aria-hidden="true"> · </span>
                    <time dateTime={isoDuration(course.durationSeconds)}>{duration(course.durationSeconds)}</time>
                  </p>
                  <p className="course-card__summary">{course.summary}</p>
                  <DutchOnlyNote />
                  <CoursePrice offers={productsForCourse(products.data, course.id)} />
                  <Link className="btn btn--primary" to={`/cursus/${course.slug}`}>
                    {t('catalog.view')}
                    <span className="visually-hidden">: {courseDisplayTitle(products.data, course, locale)}</span>
                  </Link>
                </article>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  )
}

/** "Vanaf € 297 incl. btw" (or the one price), nothing when no product sells the course. */
function CoursePrice({ offers }: { offers: Product[] }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const cheapest = offers[0]
  if (!cheapest) return null
  return (
    <p className="course-card__price">
      {t(offers.length > 1 ? 'buy.priceFrom' : 'buy.price', {
        price: formatMoney(cheapest.priceCents, locale),
        rate: formatDecimal(cheapest.vatRateBasisPoints / 100, locale),
      })}
    </p>
  )
}

import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BuyPrompt } from './BuyPrompt.tsx'
import { DutchOnlyNote } from './DutchOnlyNote.tsx'
import { useCourseTitle } from './useCourseTitle.ts'
import { Loading } from '../../components/Loading.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'

/** A paid lesson without access: what it is (from the public outline) and how to get in. */
export function LockedLesson({ courseSlug, lessonSlug }: { courseSlug: string; lessonSlug: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const outline = useQuery(trpc.course.outline.queryOptions({ courseSlug }))
  const found = outline.data?.modules
    .flatMap((module) => module.lessons.map((lesson) => ({ module, lesson })))
    .find(({ lesson }) => lesson.slug === lessonSlug)
  const courseTitle = useCourseTitle(outline.data?.course)
  const title = found?.lesson.title ?? t('lesson.lockedTitle')
  useDocumentTitle(title)

  if (outline.isPending) return <Loading />
  const course = outline.data?.course ?? { id: '', title: t('buy.defaultCourse') }
  const coursePath = `/cursus/${courseSlug}`

  return (
    <div className="container lesson-page lesson-page--locked">
      <nav aria-label={t('course.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/cursussen">{t('catalog.title')}</Link>
          </li>
          {outline.data ? (
            <li>
              <Link to={coursePath}>{courseTitle}</Link>
            </li>
          ) : null}
          {found ? <li aria-current="page">{found.module.title}</li> : null}
        </ol>
      </nav>
      <header className="lesson-head">
        {found ? <p className="eyebrow">{found.module.title}</p> : null}
        <h1>{title}</h1>
        {found?.lesson.summary ? <p className="lead">{found.lesson.summary}</p> : null}
      </header>
      <DutchOnlyNote />
      <BuyPrompt course={course} variant="lesson" />
      <p className="lesson-locked__back">
        <Link to={coursePath}>{t('lesson.viewOutline')}</Link>
      </p>
    </div>
  )
}

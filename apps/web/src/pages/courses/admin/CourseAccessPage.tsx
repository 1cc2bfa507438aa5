import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '../../../components/Loading.tsx'
import { QueryError } from '../../../components/QueryError.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { AccessForm } from './AccessForm.tsx'
import { MembersSection } from './MembersSection.tsx'

/** /admin/toegang — give or take away course access by e-mail address, and see who has it. */
export function CourseAccessPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.access.title'))
  const trpc = useTRPC()
  const courses = useQuery(trpc.course.list.queryOptions())
  const [chosen, setChosen] = useState('')
  const courseSlug = chosen || courses.data?.[0]?.slug || ''

  return (
    <div className="container admin-page">
      <header className="page-head">
        <p className="eyebrow">{t('admin.eyebrow')}</p>
        <h1>{t('admin.access.title')}</h1>
        <p className="muted">{t('admin.access.intro')}</p>
      </header>
      {courses.isPending ? <Loading /> : null}
      {courses.isError ? <QueryError error={courses.error} onRetry={courses.refetch} /> : null}
      {courses.data?.length === 0 ? <p className="empty-state--small">{t('catalog.empty')}</p> : null}
      {courses.data && courses.data.length > 0 ? (
        <div className="admin-page__sections">
          <AccessForm courses={courses.data} courseSlug={courseSlug} onCourseChange={setChosen} />
          <MembersSection
            courseSlug={courseSlug}
            courseTitle={courses.data.find((course) => course.slug === courseSlug)?.title ?? courseSlug}
          />
        </div>
      ) : null}
    </div>
  )
}

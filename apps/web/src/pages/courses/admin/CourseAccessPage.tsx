import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { AccessForm } from './AccessForm.tsx'
import { MembersSection } from './MembersSection.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'

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
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('admin.access.title')} intro={t('admin.access.intro')} />
      <QueryState query={courses} empty={<p className="empty-state--small">{t('catalog.empty')}</p>}>
        {(list) => (
          <div className="admin-page__sections">
            <AccessForm courses={list} courseSlug={courseSlug} onCourseChange={setChosen} />
            <MembersSection
              courseSlug={courseSlug}
              courseTitle={list.find((course) => course.slug === courseSlug)?.title ?? courseSlug}
            />
          </div>
        )}
      </QueryState>
    </div>
  )
}

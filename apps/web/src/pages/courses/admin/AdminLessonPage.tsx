import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { LessonDeleteSection } from './LessonDeleteSection.tsx'
import { LessonForm } from './LessonForm.tsx'
import { LessonMoveSection } from './LessonMoveSection.tsx'
import { LessonPublishButton } from './LessonPublishButton.tsx'
import { MediaUpload } from './MediaUpload.tsx'
import { PublishedBadge } from './PublishedBadge.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'

/** /admin/cursussen/:courseSlug/les/:lessonId — the lesson's text, chapters, video, captions and module. */
export function AdminLessonPage() {
  const { t } = useTranslation()
  const { courseSlug = '', lessonId = '' } = useParams()
  const trpc = useTRPC()
  const course = useQuery(trpc.admin.courses.get.queryOptions({ courseSlug }))
  const module = course.data?.modules.find((candidate) => candidate.lessons.some((lesson) => lesson.id === lessonId))
  const lesson = module?.lessons.find((candidate) => candidate.id === lessonId)
  useDocumentTitle(lesson ? t('admin.lesson.title', { lesson: lesson.title }) : t('admin.courses.title'))

  return (
    <div className="container admin-page">
      <p className="admin-back">
        <Link to={`/admin/cursussen/${courseSlug}`}>{t('admin.lesson.back', { course: course.data?.title ?? courseSlug })}</Link>
      </p>
      <QueryState
        query={course}
        isEmpty={() => !module || !lesson}
        empty={
          <div className="empty-state--small">
            <h1>{t('admin.lesson.notFound')}</h1>
          </div>
        }
      >
        {(data) =>
          module && lesson ? (
            <>
              <PageHeader eyebrow={t('admin.lesson.eyebrow', { module: module.title })} title={lesson.title}>
                <div className="admin-actions">
                  <PublishedBadge published={lesson.published} />
                  <LessonPublishButton lesson={lesson} />
                  {lesson.published && data.published ? (
                    <Link to={`/cursus/${data.slug}/les/${lesson.slug}`}>{t('admin.lesson.viewPublic')}</Link>
                  ) : null}
                </div>
              </PageHeader>
              <div className="admin-page__sections">
                <LessonForm key={lesson.id} lesson={lesson} />
                <MediaUpload kind="video" lesson={lesson} />
                <MediaUpload kind="captions" lesson={lesson} />
                <LessonMoveSection key={lesson.id} course={data} lesson={lesson} />
                <LessonDeleteSection courseSlug={data.slug} lesson={lesson} />
              </div>
            </>
          ) : null
        }
      </QueryState>
    </div>
  )
}

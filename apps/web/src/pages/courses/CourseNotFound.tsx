import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'

/** A course or lesson address that does not exist (anymore). */
export function CourseNotFound({ messageKey }: { messageKey: string }) {
  const { t } = useTranslation()
  useDocumentTitle(t('notFound.title'))
  return (
    <div className="container page-narrow empty-state">
      <h1>{t('notFound.title')}</h1>
      <p className="lead">{t(messageKey)}</p>
      <Link className="btn btn--primary" to="/cursussen">
        {t('catalog.toCatalog')}
      </Link>
    </div>
  )
}

/** Errors that mean "this address does not lead to a course or lesson". */
export const notFoundKeys = new Set(['course.notFound', 'lesson.notFound', 'error.invalidInput'])

import { useTranslation } from 'react-i18next'

export function PublishedBadge({ published }: { published: boolean }) {
  const { t } = useTranslation()
  return (
    <span className={published ? 'badge badge--success' : 'badge badge--muted'}>
      {published ? t('admin.content.published') : t('admin.content.draft')}
    </span>
  )
}

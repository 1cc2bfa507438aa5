import { useTranslation } from 'react-i18next'
import { TextField } from '../../../components/TextField.tsx'
import type { FieldBinding } from '../../../lib/useZodForm.ts'

/** The web address part of a course, module or lesson. */
export function SlugField(props: FieldBinding) {
  const { t } = useTranslation()
  return (
    <TextField
      label={t('admin.fields.slug')}
      hint={t('admin.fields.slugHint')}
      autoComplete="off"
      spellCheck={false}
      required
      maxLength={120}
      {...props}
    />
  )
}

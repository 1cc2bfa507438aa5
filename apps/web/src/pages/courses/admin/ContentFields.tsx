import { useTranslation } from 'react-i18next'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import type { FieldBinding } from '../../../lib/useZodForm.ts'
import { SlugField } from './SlugField.tsx'

interface Props {
  form: { field: (name: 'title' | 'slug' | 'summary') => FieldBinding }
  /** The title field's label, e.g. "Titel van de cursus". */
  titleLabel: string
  /** The Markdown text under the summary (a course's description, a lesson's body). */
  markdown?: { field: FieldBinding; label: string; rows: number }
}

/** Title, slug and summary of a course, module or lesson, and optionally its Markdown text. */
export function ContentFields({ form, titleLabel, markdown }: Props) {
  const { t } = useTranslation()
  return (
    <>
      <TextField label={titleLabel} required maxLength={200} {...form.field('title')} />
      <SlugField {...form.field('slug')} />
      <TextAreaField label={t('admin.fields.summary')} rows={3} maxLength={1000} {...form.field('summary')} />
      {markdown ? (
        <TextAreaField
          label={markdown.label}
          hint={t('admin.fields.markdownHint')}
          rows={markdown.rows}
          className="textarea--code"
          {...markdown.field}
        />
      ) : null}
    </>
  )
}

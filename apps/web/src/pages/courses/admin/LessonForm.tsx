import { adminUpdateLessonInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { Form } from '../../../components/Form.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { chapterRow, ChaptersEditor, type ChapterRow } from './ChaptersEditor.tsx'
import { ContentFields } from './ContentFields.tsx'
import type { AdminLesson } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { FormActions } from '../../../components/FormActions.tsx'

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/** The lesson's text fields, free preview, duration and chapters. */
export function LessonForm({ lesson }: { lesson: AdminLesson }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const [chapters, setChapters] = useState<ChapterRow[]>(() =>
    lesson.chapters.map((chapter) => chapterRow(String(chapter.startSeconds), chapter.title)),
  )
  const update = useMutation(trpc.admin.lessons.update.mutationOptions())

  const form = useZodForm({
    schema: adminUpdateLessonInput,
    defaultValues: {
      title: lesson.title,
      slug: lesson.slug,
      summary: lesson.summary,
      bodyMarkdown: lesson.bodyMarkdown,
      freePreview: lesson.freePreview,
      durationSeconds: String(lesson.durationSeconds),
    },
    toInput: ({ durationSeconds, ...values }) => ({
      lessonId: lesson.id,
      ...values,
      durationSeconds: toNumber(durationSeconds),
      chapters: chapters.map((row) => ({ startSeconds: toNumber(row.start), title: row.title })),
    }),
    keyFields: { 'admin.slugTaken': 'slug', 'admin.chapterAfterEnd': 'chapters' },
    onSubmit: async (input) => {
      await update.mutateAsync(input)
      await refresh()
    },
  })

  // An upload sets the duration on the server: the field follows it.
  const { setValue } = form.methods
  useEffect(() => {
    setValue('durationSeconds', String(lesson.durationSeconds))
  }, [setValue, lesson.durationSeconds])

  return (
    <AdminSection title={t('admin.lesson.detailsTitle')}>
      <Form form={form}>
        <ContentFields
          form={form}
          titleLabel={t('admin.fields.lessonTitle')}
          markdown={{ field: form.field('bodyMarkdown'), label: t('admin.fields.body'), rows: 12 }}
        />
        <CheckboxField
          label={t('admin.fields.freePreview')}
          hint={t('admin.fields.freePreviewHint')}
          {...form.field('freePreview')}
        />
        <TextField
          label={t('admin.fields.duration')}
          hint={t('admin.fields.durationHint')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          className="input--short"
          {...form.field('durationSeconds')}
        />
        <ChaptersEditor
          rows={chapters}
          error={form.fieldErrors.chapters}
          onChange={(rows) => {
            setChapters(rows)
            form.clearFieldError('chapters')
            form.edited()
          }}
        />
        <FormActions busy={form.busy} submitLabel={t('common.save')} pendingLabel={t('common.saving')} status={form.saved ? t('admin.content.saved') : null} />
      </Form>
    </AdminSection>
  )
}

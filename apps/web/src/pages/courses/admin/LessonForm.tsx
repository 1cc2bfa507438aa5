import { adminUpdateLessonInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { Form } from '../../../components/Form.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { chapterRow, ChaptersEditor, type ChapterRow } from './ChaptersEditor.tsx'
import { SlugField } from './SlugField.tsx'
import type { AdminLesson } from './types.ts'
import { useContentRefresh } from './useContentRefresh.ts'

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/** The lesson's text fields, free preview, duration and chapters. */
export function LessonForm({ lesson }: { lesson: AdminLesson }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const refresh = useContentRefresh()
  const titleId = useId()
  const [chapters, setChapters] = useState<ChapterRow[]>(() =>
    lesson.chapters.map((chapter) => chapterRow(String(chapter.startSeconds), chapter.title)),
  )
  const [saved, setSaved] = useState(false)
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
    onEdit: () => setSaved(false),
    onSubmit: async (input) => {
      await update.mutateAsync(input)
      await refresh()
      setSaved(true)
    },
  })

  // An upload sets the duration on the server: the field follows it.
  const { setValue } = form.methods
  useEffect(() => {
    setValue('durationSeconds', String(lesson.durationSeconds))
  }, [setValue, lesson.durationSeconds])

  return (
    <section className="card admin-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="admin-section__title">
        {t('admin.lesson.detailsTitle')}
      </h2>
      <Form form={form}>
        <TextField label={t('admin.fields.lessonTitle')} required maxLength={200} {...form.field('title')} />
        <SlugField {...form.field('slug')} />
        <TextAreaField label={t('admin.fields.summary')} rows={3} maxLength={1000} {...form.field('summary')} />
        <TextAreaField
          label={t('admin.fields.body')}
          hint={t('admin.fields.markdownHint')}
          rows={12}
          className="textarea--code"
          {...form.field('bodyMarkdown')}
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
            setSaved(false)
          }}
        />
        <p className="form__status" role="status">
          {saved ? t('admin.content.saved') : null}
        </p>
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </section>
  )
}

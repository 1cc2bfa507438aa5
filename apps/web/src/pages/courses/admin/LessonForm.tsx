import { adminUpdateLessonInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { Form } from '../../../components/Form.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import { useForm } from '../../../lib/useForm.ts'
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
  const [title, setTitle] = useState(lesson.title)
  const [slug, setSlug] = useState(lesson.slug)
  const [summary, setSummary] = useState(lesson.summary)
  const [body, setBody] = useState(lesson.bodyMarkdown)
  const [freePreview, setFreePreview] = useState(lesson.freePreview)
  const [duration, setDuration] = useState(String(lesson.durationSeconds))
  const [chapters, setChapters] = useState<ChapterRow[]>(() =>
    lesson.chapters.map((chapter) => chapterRow(String(chapter.startSeconds), chapter.title)),
  )
  const [saved, setSaved] = useState(false)
  // An upload sets the duration on the server: follow it (adjusting state on a prop change).
  const [serverDuration, setServerDuration] = useState(lesson.durationSeconds)
  if (serverDuration !== lesson.durationSeconds) {
    setServerDuration(lesson.durationSeconds)
    setDuration(String(lesson.durationSeconds))
  }
  const update = useMutation(trpc.admin.lessons.update.mutationOptions())

  const form = useForm({
    schema: adminUpdateLessonInput,
    keyFields: { 'admin.slugTaken': 'slug', 'admin.chapterAfterEnd': 'chapters' },
    onEdit: () => setSaved(false),
    onSubmit: async (input) => {
      await update.mutateAsync(input)
      await refresh()
      setSaved(true)
    },
  })

  const submit = () =>
    form.submit({
      lessonId: lesson.id,
      title,
      slug,
      summary,
      bodyMarkdown: body,
      freePreview,
      durationSeconds: toNumber(duration),
      chapters: chapters.map((row) => ({ startSeconds: toNumber(row.start), title: row.title })),
    })

  return (
    <section className="card admin-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="admin-section__title">
        {t('admin.lesson.detailsTitle')}
      </h2>
      <Form form={form} onSubmit={submit}>
        <TextField label={t('admin.fields.lessonTitle')} required maxLength={200} {...form.bind('title', title, setTitle)} />
        <SlugField {...form.bind('slug', slug, setSlug)} />
        <TextAreaField label={t('admin.fields.summary')} rows={3} maxLength={1000} {...form.bind('summary', summary, setSummary)} />
        <TextAreaField
          label={t('admin.fields.body')}
          hint={t('admin.fields.markdownHint')}
          rows={12}
          className="textarea--code"
          {...form.bind('bodyMarkdown', body, setBody)}
        />
        <CheckboxField
          label={t('admin.fields.freePreview')}
          hint={t('admin.fields.freePreviewHint')}
          {...form.bindCheckbox('freePreview', freePreview, setFreePreview)}
        />
        <TextField
          label={t('admin.fields.duration')}
          hint={t('admin.fields.durationHint')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          className="input--short"
          {...form.bind('durationSeconds', duration, setDuration)}
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

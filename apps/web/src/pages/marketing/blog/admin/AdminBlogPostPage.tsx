import { blogPostInput, blogLanguages, blogPostStatuses } from '@jouwbot/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { AdminSection } from '../../../../components/admin/AdminSection.tsx'
import { Form } from '../../../../components/Form.tsx'
import { FormActions } from '../../../../components/FormActions.tsx'
import { PageHeader } from '../../../../components/PageHeader.tsx'
import { QueryState } from '../../../../components/QueryState.tsx'
import { SelectField } from '../../../../components/SelectField.tsx'
import { TextAreaField } from '../../../../components/TextAreaField.tsx'
import { TextField } from '../../../../components/TextField.tsx'
import { amsterdamWallClockToDate } from '../../../../lib/amsterdamTime.ts'
import { useTRPC, type RouterOutputs } from '../../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../../lib/useDocumentTitle.ts'
import { useZodForm } from '../../../../lib/useZodForm.ts'
import '../blog-admin.css'

type EditablePost = RouterOutputs['admin']['blog']['post']

const emptyPost: EditablePost = {
  id: '',
  slug: '',
  title: '',
  summary: '',
  body: '',
  coverImageKey: null,
  tags: [],
  status: 'draft',
  publishAt: null,
  language: 'nl',
}

/** An instant as `datetime-local` text on a Dutch clock (the editor works in Dutch time, like the shop). */
function toAmsterdamWallClock(iso: string | null): string {
  if (!iso) return ''
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/** /admin/blog/:postId (or /admin/blog/nieuw) — the article editor with a live preview. */
export function AdminBlogPostPage() {
  const { postId = 'nieuw' } = useParams()
  const { t } = useTranslation()
  const isNew = postId === 'nieuw'
  useDocumentTitle(t(isNew ? 'blogAdmin.editor.newTitle' : 'blogAdmin.editor.editTitle'))
  const trpc = useTRPC()
  const post = useQuery({ ...trpc.admin.blog.post.queryOptions({ postId }), enabled: !isNew })
  // A new article moves to its own address after the first save; the editor says it was saved there.
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true

  return (
    <div className="container admin-page">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t(isNew ? 'blogAdmin.editor.newTitle' : 'blogAdmin.editor.editTitle')} />
      <p>
        <Link to="/admin/blog">← {t('blogAdmin.editor.back')}</Link>
      </p>
      {isNew ? (
        <PostEditor initial={emptyPost} />
      ) : (
        <QueryState query={post}>{(data) => <PostEditor key={data.id} initial={data} justCreated={justCreated} />}</QueryState>
      )}
    </div>
  )
}

function PostEditor({ initial, justCreated = false }: { initial: EditablePost; justCreated?: boolean }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const save = useMutation(trpc.admin.blog.save.mutationOptions())
  const preview = useMutation(trpc.admin.blog.preview.mutationOptions())
  const [previewHtml, setPreviewHtml] = useState('')
  const [created, setCreated] = useState(justCreated)

  const form = useZodForm({
    schema: blogPostInput,
    defaultValues: {
      title: initial.title,
      slug: initial.slug,
      summary: initial.summary,
      body: initial.body,
      tags: initial.tags.join(', '),
      status: initial.status,
      publishAt: toAmsterdamWallClock(initial.publishAt),
      language: initial.language,
      coverImageKey: initial.coverImageKey ?? '',
    },
    toInput: (values) => ({
      ...(initial.id ? { id: initial.id } : {}),
      title: values.title,
      slug: values.slug,
      summary: values.summary,
      body: values.body,
      coverImageKey: values.coverImageKey.trim() === '' ? null : values.coverImageKey.trim(),
      tags: values.tags
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
      status: values.status,
      publishAt: amsterdamWallClockToDate(values.publishAt)?.toISOString() ?? null,
      language: values.language,
    }),
    keyFields: { 'blog.slugTaken': 'slug' },
    onEdit: () => setCreated(false),
    onSubmit: async (input) => {
      const saved = await save.mutateAsync(input)
      await queryClient.invalidateQueries(trpc.admin.blog.pathFilter())
      if (!initial.id) await navigate(`/admin/blog/${saved.id}`, { replace: true, state: { created: true } })
    },
  })

  // The live preview: the server's own renderer and sanitiser, a moment after typing stops.
  const body = form.methods.watch('body')
  const { mutate: renderPreview } = preview
  useEffect(() => {
    if (body.trim() === '') {
      setPreviewHtml('')
      return
    }
    const timer = setTimeout(() => renderPreview({ body }, { onSuccess: (result) => setPreviewHtml(result.html) }), 300)
    return () => clearTimeout(timer)
  }, [body, renderPreview])

  return (
    <div className="blog-editor">
      <AdminSection title={t(initial.id ? 'blogAdmin.editor.editTitle' : 'blogAdmin.editor.newTitle')}>
        <Form form={form}>
          <TextField label={t('blogAdmin.editor.title')} required maxLength={200} {...form.field('title')} />
          <TextField label={t('blogAdmin.editor.slug')} hint={t('blogAdmin.editor.slugHint')} required maxLength={120} spellCheck={false} autoComplete="off" {...form.field('slug')} />
          <TextField label={t('blogAdmin.editor.summary')} hint={t('blogAdmin.editor.summaryHint')} maxLength={400} {...form.field('summary')} />
          <div className="blog-editor__body">
            <TextAreaField label={t('blogAdmin.editor.body')} hint={t('blogAdmin.editor.bodyHint')} rows={18} {...form.field('body')} />
          </div>
          <ImageUpload
            onUploaded={(image) => {
              const body = form.methods.getValues('body')
              form.methods.setValue('body', `${body}${body.endsWith('\n') || body === '' ? '' : '\n'}\n![](${image.url})\n`, { shouldDirty: true })
              form.edited()
            }}
            onCover={(key) => {
              form.methods.setValue('coverImageKey', key, { shouldDirty: true })
              form.edited()
            }}
          />
          <TextField label={t('blogAdmin.editor.tags')} hint={t('blogAdmin.editor.tagsHint')} autoComplete="off" {...form.field('tags')} />
          <TextField label={t('blogAdmin.editor.cover')} hint={t('blogAdmin.editor.coverHint')} autoComplete="off" {...form.field('coverImageKey')} />
          <div className="form__row">
            <SelectField
              label={t('blogAdmin.editor.status')}
              options={blogPostStatuses.map((status) => ({ value: status, label: t(`blogAdmin.status.${status}`) }))}
              {...form.field('status')}
            />
            <SelectField
              label={t('blogAdmin.editor.language')}
              options={blogLanguages.map((language) => ({ value: language, label: t(`blogAdmin.languages.${language}`) }))}
              {...form.field('language')}
            />
          </div>
          <TextField label={t('blogAdmin.editor.publishAt')} hint={t('blogAdmin.editor.publishAtHint')} type="datetime-local" {...form.field('publishAt')} />
          <FormActions busy={form.busy} submitLabel={t('blogAdmin.editor.save')} pendingLabel={t('common.saving')} status={form.saved || created ? t('blogAdmin.editor.saved') : ''} />
          {initial.id && initial.status !== 'draft' ? (
            <p>
              <a href={`/blog/${initial.slug}`}>{t('blogAdmin.editor.view')}</a>
            </p>
          ) : null}
        </Form>
      </AdminSection>
      <AdminSection title={t('blogAdmin.editor.preview')}>
        {previewHtml ? (
          // Rendered and sanitised by the server (the same code as the public page).
          <div className="blog-preview" aria-live="polite" dangerouslySetInnerHTML={{ __html: previewHtml }} />
        ) : (
          <p className="muted">{t('blogAdmin.editor.previewEmpty')}</p>
        )}
      </AdminSection>
    </div>
  )
}

interface UploadedImage {
  key: string
  url: string
}

/** Uploads an image as the raw request body (POST /admin/blog/images); the server strips EXIF and resizes. */
function ImageUpload({ onUploaded, onCover }: { onUploaded: (image: UploadedImage) => void; onCover: (key: string) => void }) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle')
  const [last, setLast] = useState<UploadedImage | null>(null)
  const hintId = useId()
  const statusId = useId()

  async function upload(file: File): Promise<void> {
    setState('busy')
    try {
      const response = await fetch('/admin/blog/images', { method: 'POST', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' }, credentials: 'same-origin' })
      if (!response.ok) throw new Error(String(response.status))
      const image = (await response.json()) as UploadedImage
      setLast(image)
      onUploaded(image)
      setState('done')
    } catch {
      setState('failed')
    }
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={`${hintId}-file`}>
        {t('blogAdmin.editor.upload')}
      </label>
      <p className="field__hint" id={hintId}>
        {t('blogAdmin.editor.uploadHint')}
      </p>
      <input
        id={`${hintId}-file`}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        aria-describedby={`${hintId} ${statusId}`}
        disabled={state === 'busy'}
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file) void upload(file)
          event.target.value = ''
        }}
      />
      <p className="form__status" role="status" id={statusId}>
        {state === 'busy' ? t('blogAdmin.editor.uploading') : state === 'done' ? t('blogAdmin.editor.uploaded') : state === 'failed' ? t('blogAdmin.editor.uploadFailed') : ''}
      </p>
      {last && state === 'done' ? (
        <button type="button" className="btn btn--secondary" onClick={() => onCover(last.key)}>
          {t('blogAdmin.editor.useAsCover')}
        </button>
      ) : null}
    </div>
  )
}

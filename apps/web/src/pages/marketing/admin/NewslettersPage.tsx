import { saveNewsletterInput } from '@jouwbot/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'
import { Button } from '../../../components/Button.tsx'
import { DataTable } from '../../../components/DataTable.tsx'
import { ErrorText } from '../../../components/ErrorText.tsx'
import { Form } from '../../../components/Form.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { ProgressBar } from '../../../components/ProgressBar.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { describeError } from '../../../lib/errors.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useTRPC, type RouterOutputs } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import '../../../components/Markdown.css'
import '../newsletter.css'

type Newsletter = RouterOutputs['admin']['marketing']['newsletters']['newsletters'][number]

interface Fields {
  subject: string
  slug: string
  bodyMarkdown: string
  locale: 'nl' | 'en'
}

const empty: Fields = { subject: '', slug: '', bodyMarkdown: '', locale: 'nl' }

/** /admin/nieuwsbrieven: write (markdown, live preview), send a test to yourself, schedule or send, follow progress. */
export function NewslettersPage() {
  const { t } = useTranslation()
  const locale = useLocale()
  useDocumentTitle(t('newsletterAdmin.title'))
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const list = useQuery({
    ...trpc.admin.marketing.newsletters.queryOptions(),
    // While a newsletter is going out, its progress refreshes by itself.
    refetchInterval: (query) => (query.state.data?.newsletters.some((n) => n.status === 'sending' || n.status === 'scheduled') ? 3000 : false),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.marketing.newsletters.queryKey() })
  const [editing, setEditing] = useState<{ id: string | null; status: string }>({ id: null, status: 'draft' })
  const [message, setMessage] = useState<string | null>(null)
  const [when, setWhen] = useState('')

  const save = useMutation(trpc.admin.marketing.saveNewsletter.mutationOptions())
  const sendTest = useMutation(trpc.admin.marketing.sendTestNewsletter.mutationOptions())
  const schedule = useMutation(trpc.admin.marketing.scheduleNewsletter.mutationOptions())
  const form = useZodForm({
    schema: saveNewsletterInput,
    defaultValues: empty,
    toInput: (values: Fields) => ({ ...values, slug: values.slug || undefined, ...(editing.id ? { id: editing.id } : {}) }),
    onSubmit: async (input) => {
      const saved = await save.mutateAsync(input)
      setEditing({ id: saved.id, status: 'draft' })
      form.methods.setValue('slug', saved.slug)
      setMessage(t('newsletterAdmin.saved'))
      await refresh()
    },
    onEdit: () => setMessage(null),
  })
  const markdown = useDeferredValue(form.methods.watch('bodyMarkdown'))
  const preview = useQuery({ ...trpc.admin.marketing.previewNewsletter.queryOptions({ bodyMarkdown: markdown ?? '' }), placeholderData: (previous) => previous })

  const edit = async (row: Newsletter) => {
    const full = await queryClient.fetchQuery(trpc.admin.marketing.newsletter.queryOptions({ id: row.id }))
    form.methods.reset({ subject: full.subject, slug: full.slug, bodyMarkdown: full.bodyMarkdown, locale: full.locale === 'en' ? 'en' : 'nl' })
    setEditing({ id: full.id, status: full.status })
    setMessage(null)
  }
  const startNew = () => {
    form.methods.reset(empty)
    setEditing({ id: null, status: 'draft' })
    setMessage(null)
  }
  const act = async (work: () => Promise<unknown>, done: string) => {
    if (!(await form.submit())) return
    await work()
    setMessage(done)
    await refresh()
  }
  const actionError = sendTest.error ?? schedule.error
  const editable = editing.status === 'draft' || editing.status === 'scheduled'

  return (
    <div className="container">
      <PageHeader eyebrow={t('newsletterAdmin.eyebrow')} title={t('newsletterAdmin.title')} intro={t('newsletterAdmin.intro')} />
      <QueryState query={list}>
        {(data) => (
          <AdminSection title={t('newsletterAdmin.listTitle')} aside={<p className="muted">{t('newsletterAdmin.subscribers', { count: data.subscribers.confirmed ?? 0 })}</p>}>
            {data.newsletters.length === 0 ? (
              <p className="muted">{t('newsletterAdmin.empty')}</p>
            ) : (
              <DataTable
                caption={t('newsletterAdmin.listTitle')}
                rowKey={(n) => n.id}
                rows={data.newsletters}
                rowHeader={{ header: t('newsletterAdmin.subject'), cell: (n) => n.subject }}
                columns={[
                  { header: t('newsletterAdmin.status'), cell: (n) => t(`newsletterAdmin.statuses.${n.status}`) },
                  {
                    header: t('newsletterAdmin.progress'),
                    cell: (n) =>
                      n.status === 'sending' || n.status === 'sent' ? (
                        <ProgressBar
                          size="small"
                          label={t('newsletterAdmin.progressLabel', { subject: n.subject })}
                          percent={n.recipientCount ? ((n.queuedCount + n.skippedCount) / n.recipientCount) * 100 : 100}
                          valueText={t('newsletterAdmin.progressValue', { queued: n.queuedCount, total: n.recipientCount, skipped: n.skippedCount })}
                        />
                      ) : n.scheduledAt ? (
                        formatDateTime(new Date(n.scheduledAt), locale)
                      ) : (
                        '—'
                      ),
                  },
                  {
                    header: t('newsletterAdmin.actions'),
                    hideHeader: true,
                    cell: (n) => (
                      <Button variant="secondary" onClick={() => void edit(n)}>
                        {n.status === 'draft' || n.status === 'scheduled' ? t('newsletterAdmin.edit') : t('newsletterAdmin.view')}
                      </Button>
                    ),
                  },
                ]}
              />
            )}
          </AdminSection>
        )}
      </QueryState>

      <AdminSection
        title={editing.id ? t('newsletterAdmin.editTitle') : t('newsletterAdmin.newTitle')}
        aside={
          editing.id ? (
            <Button variant="secondary" onClick={startNew}>
              {t('newsletterAdmin.new')}
            </Button>
          ) : null
        }
      >
        <div className="newsletter-admin__editor">
          <Form form={form}>
            <TextField label={t('newsletterAdmin.subject')} {...form.field('subject')} disabled={!editable} />
            <TextField label={t('newsletterAdmin.slug')} hint={t('newsletterAdmin.slugHint')} {...form.field('slug')} disabled={!editable} />
            <SelectField
              label={t('newsletterAdmin.language')}
              options={[
                { value: 'nl', label: 'Nederlands', lang: 'nl' },
                { value: 'en', label: 'English', lang: 'en' },
              ]}
              {...form.field('locale')}
              disabled={!editable}
            />
            <TextAreaField label={t('newsletterAdmin.body')} hint={t('newsletterAdmin.bodyHint')} rows={16} {...form.field('bodyMarkdown')} disabled={!editable} />
            {editable ? (
              <div className="newsletter-admin__actions">
                <Button type="submit" pending={form.busy} pendingLabel={t('newsletterAdmin.saving')}>
                  {t('newsletterAdmin.save')}
                </Button>
                {editing.id ? (
                  <>
                    <Button variant="secondary" pending={sendTest.isPending} onClick={() => void act(() => sendTest.mutateAsync({ id: editing.id! }), t('newsletterAdmin.testSent'))}>
                      {t('newsletterAdmin.sendTest')}
                    </Button>
                    <label className="field">
                      <span className="field__label">{t('newsletterAdmin.when')}</span>
                      <input className="input" type="datetime-local" value={when} onChange={(event) => setWhen(event.target.value)} />
                    </label>
                    <Button
                      variant="secondary"
                      disabled={!when}
                      pending={schedule.isPending}
                      onClick={() => void act(() => schedule.mutateAsync({ id: editing.id!, at: new Date(when).toISOString() }).then(() => setEditing({ id: editing.id, status: 'scheduled' })), t('newsletterAdmin.scheduled'))}
                    >
                      {t('newsletterAdmin.schedule')}
                    </Button>
                    <Button
                      onClick={() => {
                        if (!window.confirm(t('newsletterAdmin.confirmSend'))) return
                        void act(() => schedule.mutateAsync({ id: editing.id! }).then(() => setEditing({ id: editing.id, status: 'scheduled' })), t('newsletterAdmin.sending'))
                      }}
                    >
                      {t('newsletterAdmin.sendNow')}
                    </Button>
                  </>
                ) : null}
              </div>
            ) : (
              <p className="muted">{t('newsletterAdmin.locked')}</p>
            )}
            {message ? (
              <p role="status" className="notice notice--success">
                {message}
              </p>
            ) : null}
            {actionError ? (
              <p role="alert" className="alert alert--error">
                <ErrorText error={describeError(actionError)} />
              </p>
            ) : null}
          </Form>
          <section aria-labelledby="newsletter-preview-title">
            <h3 id="newsletter-preview-title">{t('newsletterAdmin.preview')}</h3>
            {/* Sanitised by the server (the same renderer as the mail). */}
            <div className="markdown newsletter-admin__preview" dangerouslySetInnerHTML={{ __html: preview.data?.html ?? '' }} />
          </section>
        </div>
      </AdminSection>
    </div>
  )
}

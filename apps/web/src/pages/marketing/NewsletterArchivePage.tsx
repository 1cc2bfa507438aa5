import { subscribeNewsletterInput } from '@jouwbot/shared'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { EmailField } from '../../components/fields/EmailField.tsx'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { Form } from '../../components/Form.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { TextField } from '../../components/TextField.tsx'
import { formatLongDate } from '../../lib/format.ts'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import './newsletter.css'

interface Fields {
  email: string
  firstName: string
  website: string
}

/** /nieuwsbrief: the public archive of sent newsletters and the sign-up form (double opt-in). */
export function NewsletterArchivePage() {
  const { t } = useTranslation()
  const locale = useLocale()
  useDocumentTitle(t('newsletter.title'))
  const trpc = useTRPC()
  const { me } = useMe()
  const archive = useQuery(trpc.marketing.archive.queryOptions())
  const [sentTo, setSentTo] = useState<string | null>(null)
  const subscribe = useMutation(trpc.marketing.subscribe.mutationOptions())
  const form = useZodForm({
    schema: subscribeNewsletterInput,
    defaultValues: { email: me?.email ?? '', firstName: me?.firstName ?? '', website: '' } as Fields,
    toInput: (values: Fields) => ({ ...values, firstName: values.firstName || undefined, website: values.website || undefined, locale }),
    onSubmit: async (input) => {
      await subscribe.mutateAsync(input)
      setSentTo(input.email)
    },
  })

  return (
    <div className="container newsletter-page">
      <PageHeader eyebrow={t('newsletter.eyebrow')} title={t('newsletter.title')} intro={t('newsletter.lead')} lead />
      <div className="newsletter-layout">
        <section aria-labelledby="newsletter-archive-title">
          <h2 id="newsletter-archive-title">{t('newsletter.archiveTitle')}</h2>
          <QueryState query={archive} empty={<p className="muted">{t('newsletter.empty')}</p>}>
            {(issues) => (
              <ul className="newsletter-archive">
                {issues.map((issue) => (
                  <li key={issue.slug}>
                    <Link to={`/nieuwsbrief/${issue.slug}`}>{issue.subject}</Link>
                    {issue.sentAt ? <span className="muted"> · {formatLongDate(new Date(issue.sentAt), locale)}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>
        <section className="card newsletter-card" aria-labelledby="newsletter-subscribe-title">
          <h2 id="newsletter-subscribe-title">{t('newsletter.subscribeTitle')}</h2>
          {sentTo ? (
            <div className="notice notice--success" role="status">
              <FocusHeading>{t('newsletter.sentTitle')}</FocusHeading>
              <p>{t('newsletter.sentText', { email: sentTo })}</p>
            </div>
          ) : (
            <Form form={form}>
              <EmailField {...form.field('email')} />
              <TextField label={t('ebook.firstName')} autoComplete="given-name" {...form.field('firstName')} />
              <div className="newsletter-honeypot" aria-hidden="true">
                <label htmlFor="newsletter-website">Website</label>
                <input id="newsletter-website" type="text" tabIndex={-1} autoComplete="off" {...form.methods.register('website')} />
              </div>
              <p className="muted">{t('newsletter.consent')}</p>
              <Button type="submit" block pending={form.busy} pendingLabel={t('newsletter.submitting')}>
                {t('newsletter.submit')}
              </Button>
            </Form>
          )}
        </section>
      </div>
    </div>
  )
}

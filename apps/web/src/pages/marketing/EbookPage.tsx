import { requestEbookInput } from '@jouwbot/shared'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { EmailField } from '../../components/fields/EmailField.tsx'
import { FocusHeading } from '../../components/FocusHeading.tsx'
import { Form } from '../../components/Form.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useMe } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import './newsletter.css'

interface Fields {
  email: string
  firstName: string
  newsletter: boolean
  website: string
}

/** /stappenplan: the free e-book. E-mail, optional first name, a separate unticked newsletter box, a honeypot. */
export function EbookPage() {
  const { t } = useTranslation()
  const locale = useLocale()
  useDocumentTitle(t('ebook.title'))
  const trpc = useTRPC()
  const { me } = useMe()
  const [done, setDone] = useState<{ email: string; downloadPath: string | null } | null>(null)
  const request = useMutation(trpc.marketing.requestEbook.mutationOptions())
  const form = useZodForm({
    schema: requestEbookInput,
    defaultValues: { email: me?.email ?? '', firstName: me?.firstName ?? '', newsletter: false, website: '' } as Fields,
    toInput: (values: Fields) => ({ ...values, firstName: values.firstName || undefined, website: values.website || undefined, locale }),
    onSubmit: async (input) => {
      const answer = await request.mutateAsync(input)
      setDone({ email: input.email, downloadPath: answer.downloadPath })
    },
  })
  const points = t('ebook.points', { returnObjects: true }) as unknown
  const pointList = Array.isArray(points) ? (points as string[]) : []

  return (
    <div className="container newsletter-page">
      <PageHeader eyebrow={t('ebook.eyebrow')} title={t('ebook.title')} intro={t('ebook.lead')} lead />
      <div className="ebook-offer">
        <div className="ebook-offer__copy">
          <ul className="ebook-offer__points">
            {pointList.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
          <p className="muted">{t('ebook.privacy')}</p>
        </div>
        <div className="card ebook-offer__form">
          {done ? (
            <div className="notice notice--success" role="status">
              <FocusHeading>{done.downloadPath ? t('ebook.readyTitle') : t('ebook.sentTitle')}</FocusHeading>
              {done.downloadPath ? (
                <p>
                  <a className="btn btn--primary" href={done.downloadPath} download>
                    {t('ebook.download')}
                  </a>
                </p>
              ) : (
                <p>{t('ebook.sentText', { email: done.email })}</p>
              )}
            </div>
          ) : (
            <Form form={form}>
              <EmailField {...form.field('email')} />
              <TextField label={t('ebook.firstName')} autoComplete="given-name" {...form.field('firstName')} />
              <CheckboxField label={t('ebook.newsletter')} hint={t('ebook.newsletterHint')} {...form.field('newsletter')} />
              {/* Honeypot: hidden from people and screen readers; bots fill it in. */}
              <div className="newsletter-honeypot" aria-hidden="true">
                <label htmlFor="ebook-website">Website</label>
                <input id="ebook-website" type="text" tabIndex={-1} autoComplete="off" {...form.methods.register('website')} />
              </div>
              <Button type="submit" block pending={form.busy} pendingLabel={t('ebook.submitting')}>
                {t('ebook.submit')}
              </Button>
            </Form>
          )}
        </div>
      </div>
      <p>
        <Link to="/nieuwsbrief">{t('newsletter.archiveLink')}</Link>
      </p>
    </div>
  )
}

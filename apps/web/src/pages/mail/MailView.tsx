import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/format.ts'
import { linkify } from '../../lib/linkify.ts'
import type { MailRow } from './types.ts'
import { useLocale } from '../../lib/useLocale.ts'

/**
 * Shows the plain-text part of a mail with its links clickable. The HTML part is deliberately not
 * rendered: it would need dangerouslySetInnerHTML and could carry anything.
 */
export function MailView({ mail }: { mail: MailRow | null }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const headingRef = useRef<HTMLHeadingElement>(null)
  // Move to the mail that was picked (on a phone it sits below the list). Polling keeps the id.
  useEffect(() => {
    if (mail) headingRef.current?.focus()
  }, [mail?.id])
  if (!mail) {
    return (
      <section className="mail-view mail-view--empty" aria-label={t('devMailbox.viewLabel')}>
        <p className="muted">{t('devMailbox.choose')}</p>
      </section>
    )
  }
  return (
    <article className="mail-view" aria-labelledby="mail-subject">
      <h2 id="mail-subject" className="mail-view__subject focus-heading" tabIndex={-1} ref={headingRef}>
        {mail.subject}
      </h2>
      <dl className="mail-view__meta">
        <div>
          <dt>{t('devMailbox.to')}</dt>
          <dd>{mail.to}</dd>
        </div>
        <div>
          <dt>{t('devMailbox.sentAt')}</dt>
          <dd>
            <time dateTime={mail.createdAt.toISOString()}>{formatDateTime(mail.createdAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('devMailbox.status')}</dt>
          <dd>{mail.status}</dd>
        </div>
      </dl>
      <div className="mail-view__text">
        {linkify(mail.text).map((part, index) =>
          part.type === 'link' ? (
            <a key={index} href={part.href} rel="noreferrer">
              {part.text}
            </a>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </div>
      {mail.attachments.length > 0 ? (
        <section aria-labelledby="mail-attachments">
          <h3 id="mail-attachments">{t('devMailbox.attachments')}</h3>
          <ul>
            {mail.attachments.map((attachment) => (
              <li key={attachment.filename}>
                {attachment.text ? (
                  <details>
                    <summary>
                      {attachment.filename} ({attachment.contentType.split(';')[0]})
                    </summary>
                    <pre className="mail-view__attachment">{attachment.text}</pre>
                  </details>
                ) : (
                  <>
                    {attachment.filename} ({attachment.contentType.split(';')[0]})
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}

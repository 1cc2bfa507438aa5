import { createTranslator } from '@jouwbot/shared/catalogs'
import en from './i18n/en.json'
import nl from './i18n/nl.json'
import * as layout from './layout/compiled.ts'
import type { MailLocale, MailSeller, RenderedMail } from './templates.ts'

const translators = { nl: createTranslator(nl), en: createTranslator<typeof nl>(en) }

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export interface NewsletterMailInput {
  locale: MailLocale
  subject: string
  /** Sanitised HTML of the body (the marketing domain renders and sanitises the markdown). */
  bodyHtml: string
  /** The same body as plain text. */
  bodyText: string
  /** This subscriber's one-click unsubscribe page. */
  unsubscribeUrl: string
  /** The public archive page of this newsletter. */
  archiveUrl: string
  seller: MailSeller
}

/**
 * A newsletter in the same responsive layout as every other mail, with a visible unsubscribe link
 * at the bottom of both parts. No tracking pixel, no rewritten links.
 */
export function renderNewsletterMail(input: NewsletterMailInput): RenderedMail {
  const t = translators[input.locale]
  const footer = t('common.footer', { address: input.seller.addressLines.join(' · ') })
  const unsubscribe = t('newsletter.unsubscribe', { url: input.unsubscribeUrl })
  const archive = t('newsletter.archive', { url: input.archiveUrl })
  const text = [input.bodyText.trim(), '—', archive, unsubscribe, footer].join('\n\n')
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}" style="color:#555">${escapeHtml(label)}</a>`
  const slots: Record<string, string> = {
    LANG: input.locale,
    SUBJECT: escapeHtml(input.subject),
    PREHEADER: escapeHtml(input.bodyText.replace(/\s+/g, ' ').trim().slice(0, 140)),
    BODY:
      `<div class="newsletter-body">${input.bodyHtml}</div>` +
      `<p style="margin:24px 0 0;font-size:13px;color:#555">${escapeHtml(t('newsletter.archive', { url: '' }).replace(/:\s*$/, ''))}: ${link(input.archiveUrl, input.archiveUrl)}</p>` +
      `<p style="margin:8px 0 0;font-size:13px;color:#555">${link(input.unsubscribeUrl, t('newsletter.unsubscribeLink'))}</p>`,
    ACTION_URL: '',
    ACTION_LABEL: '',
    ACTION_HINT: '',
    FOOTER: escapeHtml(footer),
  }
  const html = layout.withoutAction.replace(/__SLOT_([A-Z]+(?:_[A-Z]+)*)__/g, (_, name: string) => slots[name] ?? '')
  return { subject: input.subject, text, html }
}

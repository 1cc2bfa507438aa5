import { createTranslator, type CatalogKey, type CatalogValues } from '@jouwbot/shared/catalogs'
import en from './i18n/en.json'
import nl from './i18n/nl.json'
import * as layout from './layout/compiled.ts'

/**
 * Mails, Dutch first, English second. The words are in ./i18n/{nl,en}.json (the scheme of the web
 * catalogs: nested keys, `{{name}}` placeholders, plain text); this file only decides which sentences
 * a mail has. Each template yields a subject, a plain-text body and a responsive HTML body (MJML
 * layout, every line escaped). Links are absolute URLs built by the caller.
 */
export type MailLocale = 'nl' | 'en'

/**
 * Who sends the mail, as configured (`AppDeps.seller`, an InvoiceSeller, fits): the contact address
 * and the postal address in the texts come from here, never from the templates.
 */
export interface MailSeller {
  addressLines: readonly string[]
  email?: string | null
}

export interface MailTemplates {
  verifyEmail: { firstName: string; url: string }
  signUpExisting: { firstName: string; loginUrl: string; resetUrl: string }
  resetPassword: { firstName: string; url: string }
  passwordChanged: { firstName: string }
  confirmEmailChange: { firstName: string; url: string }
  emailChangeTaken: { loginUrl: string }
  emailChanged: { firstName: string; newEmail: string }
  twoFactorEnabled: { firstName: string }
  twoFactorDisabled: { firstName: string }
  recoveryCodeUsed: { firstName: string; remaining: number }
  orderPaid: {
    firstName: string
    productName: string
    amount: string
    invoiceNumber: string
    withdrawalWaived: boolean
    /** Coaching sessions this order adds to the balance: the mail says where it shows and how to book. */
    coachingSessions?: number
    orderUrl: string
  }
  orderRefunded: { firstName: string; productName: string; amount: string; creditNoteNumber: string; courseEnded: boolean; sessionsLapsed: number; orderUrl: string }
  duplicatePaymentRefunded: { firstName: string; amount: string; orderUrl: string }
  /** `corrected`: a credit note had been issued and an invoice now corrects it. */
  refundFailed: { firstName: string; amount: string; corrected: boolean; orderUrl: string }
  /** The bank reversed a chargeback: the amount is paid again; an invoice corrects the chargeback's credit note. */
  chargebackReversed: { firstName: string; amount: string; correctionNumber: string; courseRestored: boolean; sessionsRestored: number; orderUrl: string }
  /** A new version of the privacy statement was published: what changed, and where to read it. */
  privacyPolicyChanged: { firstName: string; version: number; changes: string[]; url: string }
  /** To the shop's own address: something about money that needs a person. */
  shopAttention: { problem: ShopProblem; orderReference: string; amount: string; detail: string; adminUrl: string }
  // privacy (rights)
  privacyRequestResolved: { firstName: string; url: string }
  privacyExportReady: { firstName: string; url: string; expiresOn: string }
  privacyErasureScheduled: { firstName: string; erasureOn: string; cancelUrl: string }
  /** A coaching session booked, moved, cancelled or coming up, to the member or the coach. */
  coachingSession: CoachingSessionMail
  // marketing: double opt-in for the free e-book (and, when ticked, the newsletter) and for the newsletter alone
  ebookConfirm: { firstName: string; url: string; newsletter: boolean }
  newsletterConfirm: { firstName: string; url: string }
  /** Someone replied to a blog comment whose author asked to hear about replies. */
  blogCommentReply: { firstName: string; postTitle: string; replierName: string; url: string }
}

export interface CoachingSessionMail {
  firstName: string
  event: 'booked' | 'rescheduled' | 'canceled' | 'reminder'
  recipient: 'member' | 'coach'
  /** The coach's display name (to the member) or the member's name (to the coach). */
  counterpart: string
  sessionTitle: string
  /** ISO instant; shown in `timeZone` when the mail is rendered. */
  startsAt: string
  durationMinutes: number
  timeZone: string
  /** Where the session happens: only ever in mails to the booked member and the coach. */
  location: string
  topic: string
  /** The member asked expressly for the service to start within the 14-day withdrawal period. */
  expressStart: boolean
  /** For cancellations: the credit came back (true) or was forfeited (false). */
  creditReturned: boolean | null
  /** Cancelled by the coach or an admin: apologise and offer to book again. */
  canceledByCoach: boolean
  /** My sessions (reschedule, cancel) or, after a cancel, a new booking. */
  url: string
}

export type ShopProblem = 'refundFailed' | 'refundRefused' | 'paymentMismatch' | 'duplicateChargeback' | 'chargebackReversed'
export type MailTemplate = keyof MailTemplates

type MailKey = CatalogKey<typeof nl>
type Translate = (key: MailKey, values?: CatalogValues) => string

// Typed as the Dutch catalog: a key the code uses that is missing from nl.json fails typecheck.
const translators: Record<MailLocale, Translate> = { nl: createTranslator(nl), en: createTranslator<typeof nl>(en) }

interface Text {
  subject: string
  lines: string[]
  action?: { label: string; url: string }
}

interface Context {
  t: Translate
  locale: MailLocale
  seller: MailSeller
}

const greeting = (t: Translate, p: { firstName: string }) => t('common.greeting', { firstName: p.firstName })

/** "Not you? Contact us at …", with the seller's address when there is one. */
const notYouContact = ({ t, seller }: Context) => (seller.email ? t('common.notYouContact', { email: seller.email }) : t('common.notYouContactNoEmail'))

/** Where bought coaching shows (the account page) and how to book it (mail the seller). */
const coachingBooking = ({ t, seller }: Context, count: number) =>
  count === 1
    ? t(seller.email ? 'orderPaid.coachingOne' : 'orderPaid.coachingOneNoEmail', { email: seller.email ?? '' })
    : t(seller.email ? 'orderPaid.coachingMany' : 'orderPaid.coachingManyNoEmail', { count, email: seller.email ?? '' })

const templates: { [K in MailTemplate]: (p: MailTemplates[K], c: Context) => Text } = {
  ebookConfirm: (p, { t }) => ({
    subject: t('ebookConfirm.subject'),
    lines: [p.firstName ? greeting(t, p) : t('common.greetingNoName'), t('ebookConfirm.confirm'), ...(p.newsletter ? [t('ebookConfirm.newsletter')] : []), t('ebookConfirm.notYou')],
    action: { label: t('ebookConfirm.action'), url: p.url },
  }),
  newsletterConfirm: (p, { t }) => ({
    subject: t('newsletterConfirm.subject'),
    lines: [p.firstName ? greeting(t, p) : t('common.greetingNoName'), t('newsletterConfirm.confirm'), t('newsletterConfirm.notYou')],
    action: { label: t('newsletterConfirm.action'), url: p.url },
  }),
  verifyEmail: (p, { t }) => ({
    subject: t('verifyEmail.subject'),
    lines: [greeting(t, p), t('verifyEmail.welcome')],
    action: { label: t('verifyEmail.action'), url: p.url },
  }),
  signUpExisting: (p, { t }) => ({
    subject: t('signUpExisting.subject'),
    lines: [greeting(t, p), t('signUpExisting.attempt'), t('signUpExisting.links', { loginUrl: p.loginUrl, resetUrl: p.resetUrl }), t('signUpExisting.notYou')],
  }),
  resetPassword: (p, { t }) => ({
    subject: t('resetPassword.subject'),
    lines: [greeting(t, p), t('resetPassword.requested'), t('resetPassword.notYou')],
    action: { label: t('resetPassword.action'), url: p.url },
  }),
  passwordChanged: (p, c) => ({
    subject: c.t('passwordChanged.subject'),
    lines: [greeting(c.t, p), c.t('passwordChanged.changed'), notYouContact(c)],
  }),
  confirmEmailChange: (p, { t }) => ({
    subject: t('confirmEmailChange.subject'),
    lines: [greeting(t, p), t('confirmEmailChange.confirm')],
    action: { label: t('confirmEmailChange.action'), url: p.url },
  }),
  emailChangeTaken: (p, { t }) => ({
    subject: t('emailChangeTaken.subject'),
    lines: [t('emailChangeTaken.attempt'), t('emailChangeTaken.logIn', { loginUrl: p.loginUrl })],
  }),
  emailChanged: (p, c) => ({
    subject: c.t('emailChanged.subject'),
    lines: [greeting(c.t, p), c.t('emailChanged.changed', { newEmail: p.newEmail }), notYouContact(c)],
  }),
  twoFactorEnabled: (p, { t }) => ({
    subject: t('twoFactorEnabled.subject'),
    lines: [greeting(t, p), t('twoFactorEnabled.enabled')],
  }),
  twoFactorDisabled: (p, c) => ({
    subject: c.t('twoFactorDisabled.subject'),
    lines: [greeting(c.t, p), c.t('twoFactorDisabled.disabled'), notYouContact(c)],
  }),
  recoveryCodeUsed: (p, { t }) => ({
    subject: t('recoveryCodeUsed.subject'),
    lines: [greeting(t, p), t('recoveryCodeUsed.used', { remaining: p.remaining }), t('recoveryCodeUsed.notYou')],
  }),
  orderPaid: (p, c) => ({
    subject: c.t('orderPaid.subject', { productName: p.productName }),
    lines: [
      greeting(c.t, p),
      c.t('orderPaid.received', { amount: p.amount, productName: p.productName }),
      c.t('orderPaid.invoice', { invoiceNumber: p.invoiceNumber }),
      ...(p.withdrawalWaived ? [c.t('orderPaid.withdrawalWaived')] : []),
      ...(p.coachingSessions ? [coachingBooking(c, p.coachingSessions)] : []),
    ],
    action: { label: c.t('common.viewOrder'), url: p.orderUrl },
  }),
  orderRefunded: (p, { t }) => ({
    subject: t('orderRefunded.subject', { productName: p.productName }),
    lines: [
      greeting(t, p),
      t('orderRefunded.refunded', { amount: p.amount }),
      t('orderRefunded.creditNote', { creditNoteNumber: p.creditNoteNumber }),
      ...(p.courseEnded ? [t('orderRefunded.courseEnded')] : []),
      ...(p.sessionsLapsed === 1 ? [t('orderRefunded.oneSessionLapsed')] : []),
      ...(p.sessionsLapsed > 1 ? [t('orderRefunded.sessionsLapsed', { count: p.sessionsLapsed })] : []),
    ],
    action: { label: t('common.viewOrder'), url: p.orderUrl },
  }),
  duplicatePaymentRefunded: (p, { t }) => ({
    subject: t('duplicatePaymentRefunded.subject'),
    lines: [greeting(t, p), t('duplicatePaymentRefunded.refunding', { amount: p.amount }), t('duplicatePaymentRefunded.nothingToDo')],
    action: { label: t('common.viewOrder'), url: p.orderUrl },
  }),
  refundFailed: (p, { t }) => ({
    subject: t('refundFailed.subject'),
    lines: [greeting(t, p), t('refundFailed.failed', { amount: p.amount }), t('refundFailed.contact'), ...(p.corrected ? [t('refundFailed.corrected')] : [])],
    action: { label: t('common.viewOrder'), url: p.orderUrl },
  }),
  privacyPolicyChanged: (p, { t }) => ({
    subject: t('privacyPolicyChanged.subject'),
    lines: [greeting(t, p), t('privacyPolicyChanged.published', { version: p.version }), ...p.changes.map((change) => `• ${change}`), t('privacyPolicyChanged.rights')],
    action: { label: t('privacyPolicyChanged.action'), url: p.url },
  }),
  chargebackReversed: (p, { t }) => ({
    subject: t('chargebackReversed.subject'),
    lines: [
      greeting(t, p),
      t('chargebackReversed.reversed', { amount: p.amount }),
      t('chargebackReversed.correction', { correctionNumber: p.correctionNumber }),
      ...(p.courseRestored ? [t('chargebackReversed.courseRestored')] : []),
      ...(p.sessionsRestored === 1 ? [t('chargebackReversed.oneSessionRestored')] : []),
      ...(p.sessionsRestored > 1 ? [t('chargebackReversed.sessionsRestored', { count: p.sessionsRestored })] : []),
    ],
    action: { label: t('common.viewOrder'), url: p.orderUrl },
  }),
  blogCommentReply: (p, { t }) => ({
    subject: t('blogCommentReply.subject', { postTitle: p.postTitle }),
    lines: [greeting(t, p), t('blogCommentReply.replied', { replierName: p.replierName, postTitle: p.postTitle }), t('blogCommentReply.stop')],
    action: { label: t('blogCommentReply.action'), url: p.url },
  }),
  privacyRequestResolved: (p, { t }) => ({
    subject: t('privacyRequestResolved.subject'),
    lines: [greeting(t, p), t('privacyRequestResolved.resolved')],
    action: { label: t('privacyRequestResolved.action'), url: p.url },
  }),
  privacyExportReady: (p, { t }) => ({
    subject: t('privacyExportReady.subject'),
    lines: [greeting(t, p), t('privacyExportReady.ready', { expiresOn: p.expiresOn }), t('privacyExportReady.reauthenticate')],
    action: { label: t('privacyExportReady.action'), url: p.url },
  }),
  privacyErasureScheduled: (p, c) => ({
    subject: c.t('privacyErasureScheduled.subject'),
    lines: [greeting(c.t, p), c.t('privacyErasureScheduled.scheduled', { erasureOn: p.erasureOn }), c.t('privacyErasureScheduled.kept'), c.t('privacyErasureScheduled.cancel'), notYouContact(c)],
    action: { label: c.t('privacyErasureScheduled.action'), url: p.cancelUrl },
  }),
  coachingSession: (p, { t, locale }) => {
    const when = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: p.timeZone }).format(new Date(p.startsAt))
    const lines = [
      greeting(t, p),
      t(`coaching.${p.event}.${p.recipient}`, { counterpart: p.counterpart, sessionTitle: p.sessionTitle }),
      t('coaching.when', { when, timeZone: p.timeZone, minutes: p.durationMinutes }),
    ]
    if (p.event !== 'canceled' && p.location) lines.push(t('coaching.where', { location: p.location }))
    if (p.topic) lines.push(t('coaching.topic', { topic: p.topic }))
    if (p.expressStart && p.recipient === 'member' && p.event === 'booked') lines.push(t('coaching.expressStart'))
    if (p.event === 'canceled' && p.recipient === 'member' && p.creditReturned !== null) lines.push(t(p.creditReturned ? 'coaching.creditReturned' : 'coaching.creditForfeited'))
    if (p.event === 'canceled' && p.recipient === 'member' && p.canceledByCoach) lines.push(t('coaching.apology'))
    if (p.event !== 'canceled') lines.push(t('coaching.calendar'))
    return {
      subject: t(`coaching.${p.event}.subject`, { sessionTitle: p.sessionTitle, when }),
      lines,
      action: { label: t(p.event === 'canceled' ? (p.recipient === 'member' ? 'coaching.rebook' : 'coaching.viewSessions') : 'coaching.manage'), url: p.url },
    }
  },
  shopAttention: (p, { t }) => ({
    subject: t('shopAttention.subject', { problem: t(`shopAttention.problem.${p.problem}`), orderReference: p.orderReference }),
    lines: [t(`shopAttention.explanation.${p.problem}`, { amount: p.amount }), p.detail, t('shopAttention.settle')],
    action: { label: t('shopAttention.action'), url: p.adminUrl },
  }),
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/**
 * A mail in plain text and HTML. Catalog texts are plain text: the HTML body escapes each whole line
 * (catalog words and filled-in values alike) and puts it in the responsive layout compiled from
 * ./layout/layout.mjml (see scripts/build-layout.ts); the text body carries the same lines.
 */
/** Escaped text with its http(s) addresses as links. */
const linkify = (escaped: string) => escaped.replace(/\bhttps?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)

export function renderMail<T extends MailTemplate>(template: T, locale: MailLocale, params: MailTemplates[T], seller: MailSeller): RenderedMail {
  const t = translators[locale]
  const render = templates[template] as (p: MailTemplates[T], c: Context) => Text
  const { subject, lines, action } = render(params, { t, seller, locale })
  const footer = t('common.footer', { address: seller.addressLines.join(' · ') })
  const text = [...lines, ...(action ? [`${action.label}: ${action.url}`] : []), '', '—', footer].join('\n\n')
  const slots: Record<string, string> = {
    LANG: locale,
    SUBJECT: escapeHtml(subject),
    // The inbox preview: the first sentence after the greeting.
    PREHEADER: escapeHtml(lines[1] ?? lines[0] ?? subject),
    // Web addresses in the text (a coach's video-call link) become links.
    BODY: lines.map((line) => `<p style="margin:0 0 14px">${linkify(escapeHtml(line))}</p>`).join(''),
    ACTION_URL: action ? escapeHtml(action.url) : '',
    ACTION_LABEL: action ? escapeHtml(action.label) : '',
    // The link as text too, for clients that hide buttons.
    ACTION_HINT: action ? `${escapeHtml(t('common.linkHint'))} <a href="${escapeHtml(action.url)}" style="word-break:break-all">${escapeHtml(action.url)}</a>` : '',
    FOOTER: escapeHtml(footer),
  }
  const html = (action ? layout.withAction : layout.withoutAction).replace(/__SLOT_([A-Z]+(?:_[A-Z]+)*)__/g, (_, name: string) => slots[name] ?? '')
  return { subject, text, html }
}

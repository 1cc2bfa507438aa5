import { describe, expect, test } from 'vitest'
import { renderMail, type MailLocale, type MailSeller, type MailTemplate, type MailTemplates } from './templates.ts'

const seller: MailSeller = { addressLines: ['Kerkstraat 1', '1234 AB Ergens'], email: 'hallo@voorbeeld.nl' }

const base = {
  firstName: 'Sanne',
  url: 'https://jouwbot.test/verify-email?token=abc',
  loginUrl: 'https://jouwbot.test/login',
  resetUrl: 'https://jouwbot.test/forgot-password',
  newEmail: 'nieuw@example.nl',
  remaining: 3,
  productName: 'Premium Cursus',
  amount: '€ 10,00',
  invoiceNumber: '2026-000001',
  creditNoteNumber: '2026-000002',
  orderUrl: 'https://jouwbot.test/bestellingen/1',
  orderReference: 'ABCD1234',
  detail: 'tr_123',
  adminUrl: 'https://jouwbot.test/admin/bestellingen/1',
}

/** Every template with every variant its code chooses sentences by. */
const cases: { [K in MailTemplate]: MailTemplates[K][] } = {
  verifyEmail: [base],
  signUpExisting: [base],
  resetPassword: [base],
  passwordChanged: [base],
  confirmEmailChange: [base],
  emailChangeTaken: [base],
  emailChanged: [base],
  twoFactorEnabled: [base],
  twoFactorDisabled: [base],
  recoveryCodeUsed: [base],
  orderPaid: [{ ...base, withdrawalWaived: false }, { ...base, withdrawalWaived: true }, { ...base, withdrawalWaived: false, coachingSessions: 3 }],
  orderRefunded: [0, 1, 2].map((sessionsLapsed) => ({ ...base, courseEnded: sessionsLapsed > 0, sessionsLapsed })),
  duplicatePaymentRefunded: [base],
  refundFailed: [{ ...base, corrected: false }, { ...base, corrected: true }],
  chargebackReversed: [0, 1, 2].map((sessionsRestored) => ({ ...base, correctionNumber: '2026-000003', courseRestored: sessionsRestored > 0, sessionsRestored })),
  privacyRequestResolved: [base],
  blogCommentReply: [{ ...base, postTitle: 'Je eerste bot', replierName: 'Robin' }],
  privacyExportReady: [{ ...base, expiresOn: '12 december 2026' }],
  privacyErasureScheduled: [{ ...base, erasureOn: '19 december 2026', cancelUrl: 'https://jouwbot.test/account/privacy/annuleren?token=abc' }],
  privacyPolicyChanged: [{ ...base, version: 2, changes: ['Geen Google Analytics meer.'] }],
  coachingSession: (['booked', 'rescheduled', 'canceled', 'reminder'] as const).flatMap((event) =>
    (['member', 'coach'] as const).flatMap((recipient) =>
      [true, false].map((flag) => ({
        ...base,
        event,
        recipient,
        counterpart: 'Robin',
        sessionTitle: 'Vastgelopen in een les',
        startsAt: '2026-10-25T08:00:00.000Z',
        durationMinutes: 60,
        timeZone: 'America/New_York',
        location: 'https://meet.example/robin',
        topic: flag ? 'Les 3' : '',
        expressStart: flag,
        creditReturned: event === 'canceled' ? flag : null,
        canceledByCoach: !flag,
        url: 'https://jouwbot.test/coaching/sessions',
      })),
    ),
  ),
  ebookConfirm: [
    { ...base, newsletter: true },
    { ...base, firstName: '', newsletter: false },
  ],
  newsletterConfirm: [base, { ...base, firstName: '' }],
  shopAttention: (['refundFailed', 'refundRefused', 'paymentMismatch', 'duplicateChargeback', 'chargebackReversed'] as const).map((problem) => ({ ...base, problem })),
}

const all = (Object.keys(cases) as MailTemplate[]).flatMap((template) =>
  (['nl', 'en'] as MailLocale[]).flatMap((locale) => (cases[template] as MailTemplates[MailTemplate][]).map((params) => ({ template, locale, params }))),
)

describe('mail templates', () => {
  test('every template renders in both languages with every placeholder filled', () => {
    for (const { template, locale, params } of all) {
      const mail = renderMail(template, locale, params as never, seller)
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`, `${template} ${locale}`).not.toMatch(/\{\{\s*\w+\s*\}\}/)
      expect(mail.subject.trim(), `${template} ${locale}`).not.toBe('')
    }
  })

  test('the contact and postal address come from the configured seller, nothing else is hard-coded', () => {
    const contactTemplates = new Set<MailTemplate>(['passwordChanged', 'emailChanged', 'twoFactorDisabled', 'privacyErasureScheduled'])
    for (const { template, locale, params } of all) {
      const { text, html } = renderMail(template, locale, params as never, seller)
      expect(text).toContain('Jouw Bot · Kerkstraat 1 · 1234 AB Ergens')
      expect(html).toContain('Jouw Bot · Kerkstraat 1 · 1234 AB Ergens')
      // Bought coaching is booked by mail: the confirmation names the address to write to.
      const booksCoaching = template === 'orderPaid' && Boolean((params as MailTemplates['orderPaid']).coachingSessions)
      expect(text.includes('hallo@voorbeeld.nl'), `${template} ${locale}`).toBe(contactTemplates.has(template) || booksCoaching)
      expect(text).not.toMatch(/robin@|Keijzer|Sterrenlaan|Alphen|KvK|65529308|NL219943515/)
    }
    expect(renderMail('passwordChanged', 'nl', base, seller).text).toContain('Was jij dit niet? Neem dan direct contact met ons op via hallo@voorbeeld.nl.')
    expect(renderMail('twoFactorDisabled', 'en', base, seller).text).toContain('Not you? Contact us right away at hallo@voorbeeld.nl.')
  })

  test('without a seller e-mail address the contact sentence has none', () => {
    const mail = renderMail('emailChanged', 'nl', base, { ...seller, email: null })
    expect(mail.text).toContain('Was jij dit niet? Neem dan direct contact met ons op.')
  })

  test('a coaching mail names the time in the recipient’s zone, computed when it is rendered', () => {
    const params = cases.coachingSession[0]!
    expect(renderMail('coachingSession', 'nl', params, seller).text).toContain('zondag 25 oktober 2026 om 04:00 (America/New_York)')
    expect(renderMail('coachingSession', 'en', { ...params, timeZone: 'Europe/Amsterdam' }, seller).text).toContain('Sunday, 25 October 2026 at 09:00 (Europe/Amsterdam)')
  })

  test('conditional sentences are chosen in code', () => {
    const refunded = (sessionsLapsed: number) => renderMail('orderRefunded', 'nl', { ...base, courseEnded: false, sessionsLapsed }, seller).text
    expect(refunded(0)).not.toContain('coachingsessie')
    expect(refunded(1)).toContain('De coachingsessie die je nog niet had gebruikt, is vervallen.')
    expect(refunded(4)).toContain('De 4 coachingsessies die je nog niet had gebruikt, zijn vervallen.')
    const paid = (coachingSessions: number, email: string | null | undefined = seller.email) =>
      renderMail('orderPaid', 'nl', { ...base, withdrawalWaived: false, coachingSessions }, { ...seller, email }).text
    expect(paid(0)).not.toContain('coachingsessie')
    expect(paid(1)).toContain('Deze bestelling geeft je 1 coachingsessie; je tegoed zie je op je account bij Jouw Bot. Plan je sessie op de coachingpagina (menu ‘Coaching’); vragen kun je mailen naar hallo@voorbeeld.nl.')
    expect(paid(3)).toContain('Deze bestelling geeft je 3 coachingsessies')
    expect(paid(3, null)).toContain('je plant een sessie op de coachingpagina')
    expect(renderMail('shopAttention', 'nl', { ...base, problem: 'paymentMismatch' }, seller).subject).toBe('Actie nodig: betaling klopt niet (bestelling ABCD1234)')
  })

  test('values are escaped in the HTML body, not in the text body', () => {
    const mail = renderMail('emailChanged', 'en', { firstName: '<b>Sam</b> & "co"', newEmail: 'x@example.nl' }, seller)
    expect(mail.text).toContain('Hi <b>Sam</b> & "co",')
    expect(mail.html).toContain('>Hi &#60;b&#62;Sam&#60;/b&#62; &#38; &#34;co&#34;,</p>')
    expect(mail.html).not.toContain('<b>Sam</b>')
    // A value that looks like a layout slot stays text.
    const sly = renderMail('emailChanged', 'nl', { firstName: '__SLOT_FOOTER__', newEmail: 'x@example.nl' }, seller)
    expect(sly.html).toContain('Hoi __SLOT_FOOTER__,')
  })
})

/** The visible text of an HTML body: tags dropped, entities decoded (enough for these mails). */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<div style="display:none[^>]*>[\s\S]*?<\/div>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
}

describe('the HTML part', () => {
  test('is the compiled MJML layout: compiled.ts is what layout.mjml compiles to today', async () => {
    const { compileLayouts } = await import('./layout/compile.ts')
    const layout = await import('./layout/compiled.ts')
    expect(await compileLayouts()).toEqual({ withAction: layout.withAction, withoutAction: layout.withoutAction })
  }, 30_000)

  test('carries every sentence of the text part, the button and the footer, in a responsive page in the mail’s language', () => {
    for (const { template, locale, params } of all) {
      const mail = renderMail(template, locale, params as never, seller)
      const label = `${template} ${locale}`
      const shown = visibleText(mail.html)
      // Every paragraph of the text part is in the HTML part (the action line as button + link).
      for (const paragraph of mail.text.split('\n\n').filter((p) => p !== '' && p !== '—')) {
        const [maybeLabel, ...url] = paragraph.split(': http')
        if (url.length > 0) {
          expect(shown, label).toContain(maybeLabel!.replace(/\s+/g, ' '))
          expect(mail.html, label).toContain(`href="http${url.join(': http').replaceAll('&', '&#38;')}"`)
        } else {
          expect(shown, label).toContain(paragraph.replace(/\s+/g, ' '))
        }
      }
      expect(mail.html, label).toMatch(/^<!doctype html><html lang="(nl|en)"/)
      expect(mail.html, label).toContain(`lang="${locale}"`)
      expect(mail.html, label).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
      expect(mail.html, label).toContain('@media only screen and (min-width:480px)')
      expect(mail.html, label).toContain(`<title>${mail.subject.replaceAll('&', '&#38;').replaceAll("'", '&#39;')}</title>`)
      expect(shown, label).toContain('Jouw Bot')
      expect(mail.html, label).not.toMatch(/__SLOT_/)
      // Nothing loaded from elsewhere: no web fonts, no images, no trackers.
      expect(mail.html, label).not.toMatch(/<img|<link|@import|googleapis/)
    }
  })

  test('only mails with an action have a button', () => {
    const withButton = renderMail('verifyEmail', 'nl', base, seller).html
    const withoutButton = renderMail('passwordChanged', 'nl', base, seller).html
    expect(withButton).toMatch(/href="https:\/\/jouwbot.test\/verify-email\?token=abc"[^>]*>\s*E-mailadres bevestigen\s*<\/a>/)
    expect(withButton).toContain('Werkt de knop niet? Open dan deze link:')
    expect(withoutButton).not.toContain('Werkt de knop niet?')
    expect(withoutButton).not.toMatch(/href="/)
  })
})

describe('newsletter mail', () => {
  test('carries a visible unsubscribe link in both parts, no tracking, and escapes the subject', async () => {
    const { renderNewsletterMail } = await import('./newsletter.ts')
    for (const locale of ['nl', 'en'] as MailLocale[]) {
      const mail = renderNewsletterMail({
        locale,
        subject: 'Bots <b>& meer</b>',
        bodyHtml: '<p>Hallo</p>',
        bodyText: 'Hallo',
        unsubscribeUrl: 'https://jouwbot.test/nieuwsbrief/afmelden?token=abc',
        archiveUrl: 'https://jouwbot.test/nieuwsbrief/bots',
        seller,
      })
      expect(mail.text).toContain('https://jouwbot.test/nieuwsbrief/afmelden?token=abc')
      expect(mail.html).toContain('href="https://jouwbot.test/nieuwsbrief/afmelden?token=abc"')
      expect(mail.html).toContain('<p>Hallo</p>')
      expect(mail.html).not.toContain('<b>& meer</b>')
      expect(mail.text).not.toMatch(/\{\{\s*\w+\s*\}\}/)
    }
  })
})

/**
 * Mail texts, Dutch first, English second. Each template yields a subject, a plain-text body
 * and a minimal HTML body (values escaped). Links are absolute URLs built by the caller.
 */
export type MailLocale = 'nl' | 'en'

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
  orderPaid: { firstName: string; productName: string; amount: string; invoiceNumber: string; withdrawalWaived: boolean; orderUrl: string }
  orderRefunded: { firstName: string; productName: string; amount: string; creditNoteNumber: string; courseEnded: boolean; sessionsLapsed: number; orderUrl: string }
  duplicatePaymentRefunded: { firstName: string; amount: string; orderUrl: string }
  /** `corrected`: a credit note had been issued and an invoice now corrects it. */
  refundFailed: { firstName: string; amount: string; corrected: boolean; orderUrl: string }
  /** The bank reversed a chargeback: the amount is paid again; an invoice corrects the chargeback's credit note. */
  chargebackReversed: { firstName: string; amount: string; correctionNumber: string; courseRestored: boolean; sessionsRestored: number; orderUrl: string }
  /** To the shop's own address: something about money that needs a person. */
  shopAttention: { problem: ShopProblem; orderReference: string; amount: string; detail: string; adminUrl: string }
}

export type ShopProblem = 'refundFailed' | 'refundRefused' | 'paymentMismatch' | 'duplicateChargeback' | 'chargebackReversed'
export type MailTemplate = keyof MailTemplates

interface Text {
  subject: string
  lines: string[]
  action?: { label: string; url: string }
}

type Catalog = { [K in MailTemplate]: (p: MailTemplates[K]) => Text }

const nl: Catalog = {
  verifyEmail: (p) => ({
    subject: 'Bevestig je e-mailadres voor Jouw Bot',
    lines: [`Hoi ${p.firstName},`, 'Welkom bij Jouw Bot! Bevestig je e-mailadres om je account te activeren. De link is 24 uur geldig.'],
    action: { label: 'E-mailadres bevestigen', url: p.url },
  }),
  signUpExisting: (p) => ({
    subject: 'Je hebt al een account bij Jouw Bot',
    lines: [
      `Hoi ${p.firstName},`,
      'Iemand (hopelijk jij) probeerde een account aan te maken met dit e-mailadres. Je hebt al een account.',
      `Log in via ${p.loginUrl} of stel een nieuw wachtwoord in via ${p.resetUrl}.`,
      'Was jij dit niet? Dan hoef je niets te doen.',
    ],
  }),
  resetPassword: (p) => ({
    subject: 'Stel een nieuw wachtwoord in',
    lines: [`Hoi ${p.firstName},`, 'Je hebt gevraagd om een nieuw wachtwoord. De link is 1 uur geldig en werkt één keer.', 'Heb je dit niet gevraagd? Negeer dan deze e-mail.'],
    action: { label: 'Nieuw wachtwoord instellen', url: p.url },
  }),
  passwordChanged: (p) => ({
    subject: 'Je wachtwoord is gewijzigd',
    lines: [`Hoi ${p.firstName},`, 'Het wachtwoord van je Jouw Bot-account is zojuist gewijzigd. Andere apparaten zijn uitgelogd.', 'Was jij dit niet? Neem dan direct contact met ons op via robin@jouwbot.nl.'],
  }),
  confirmEmailChange: (p) => ({
    subject: 'Bevestig je nieuwe e-mailadres',
    lines: [`Hoi ${p.firstName},`, 'Bevestig dat je dit adres wilt gebruiken voor je Jouw Bot-account. De link is 24 uur geldig.'],
    action: { label: 'Nieuw e-mailadres bevestigen', url: p.url },
  }),
  emailChangeTaken: (p) => ({
    subject: 'Dit e-mailadres heeft al een account',
    lines: ['Iemand probeerde dit e-mailadres aan een ander Jouw Bot-account te koppelen, maar er bestaat al een account met dit adres.', `Ben jij dat? Log dan in via ${p.loginUrl}.`],
  }),
  emailChanged: (p) => ({
    subject: 'Je e-mailadres is gewijzigd',
    lines: [`Hoi ${p.firstName},`, `Je account gebruikt vanaf nu ${p.newEmail}.`, 'Was jij dit niet? Neem dan direct contact met ons op via robin@jouwbot.nl.'],
  }),
  twoFactorEnabled: (p) => ({
    subject: 'Tweestapsverificatie staat aan',
    lines: [`Hoi ${p.firstName},`, 'Tweestapsverificatie is ingeschakeld voor je account. Bewaar je herstelcodes op een veilige plek.'],
  }),
  twoFactorDisabled: (p) => ({
    subject: 'Tweestapsverificatie staat uit',
    lines: [`Hoi ${p.firstName},`, 'Tweestapsverificatie is uitgeschakeld voor je account.', 'Was jij dit niet? Neem dan direct contact met ons op via robin@jouwbot.nl.'],
  }),
  recoveryCodeUsed: (p) => ({
    subject: 'Er is een herstelcode gebruikt',
    lines: [`Hoi ${p.firstName},`, `Je hebt ingelogd met een herstelcode. Je hebt er nog ${p.remaining} over.`, 'Was jij dit niet? Wijzig dan direct je wachtwoord.'],
  }),
  orderPaid: (p) => ({
    subject: `Bedankt voor je bestelling: ${p.productName}`,
    lines: [
      `Hoi ${p.firstName},`,
      `We hebben je betaling van ${p.amount} ontvangen. ${p.productName} staat voor je klaar.`,
      `Je factuur (${p.invoiceNumber}) kun je downloaden bij je bestelling.`,
      ...(p.withdrawalWaived
        ? ['Je hebt gevraagd om direct toegang tot de cursus en erkend dat je daarmee afziet van je herroepingsrecht van 14 dagen voor digitale inhoud.']
        : []),
    ],
    action: { label: 'Bekijk je bestelling', url: p.orderUrl },
  }),
  orderRefunded: (p) => ({
    subject: `Terugbetaling: ${p.productName}`,
    lines: [
      `Hoi ${p.firstName},`,
      `We hebben ${p.amount} aan je terugbetaald. Het kan een paar werkdagen duren voor het op je rekening staat.`,
      `De creditnota (${p.creditNoteNumber}) staat bij je bestelling.`,
      ...(p.courseEnded ? ['Je toegang tot de cursus uit deze bestelling is beëindigd.'] : []),
      ...(p.sessionsLapsed === 1 ? ['De coachingsessie die je nog niet had gebruikt, is vervallen.'] : []),
      ...(p.sessionsLapsed > 1 ? [`De ${p.sessionsLapsed} coachingsessies die je nog niet had gebruikt, zijn vervallen.`] : []),
    ],
    action: { label: 'Bekijk je bestelling', url: p.orderUrl },
  }),
  duplicatePaymentRefunded: (p) => ({
    subject: 'Je hebt twee keer betaald: we storten het terug',
    lines: [
      `Hoi ${p.firstName},`,
      `Je bestelling was al betaald toen er nog een betaling van ${p.amount} binnenkwam. Die tweede betaling storten we volledig terug; het kan een paar werkdagen duren voor het op je rekening staat.`,
      'Je hoeft hier niets voor te doen; aan je bestelling verandert niets.',
    ],
    action: { label: 'Bekijk je bestelling', url: p.orderUrl },
  }),
  refundFailed: (p) => ({
    subject: 'Je terugbetaling is niet gelukt',
    lines: [
      `Hoi ${p.firstName},`,
      `De terugbetaling van ${p.amount} die we je hadden gemeld, is door de bank of Mollie niet uitgevoerd. Het geld staat dus nog niet op je rekening.`,
      'We nemen contact met je op om het opnieuw te proberen.',
      ...(p.corrected ? ['Bij je bestelling staat een factuur die de creditnota corrigeert; je hoeft niets te betalen.'] : []),
    ],
    action: { label: 'Bekijk je bestelling', url: p.orderUrl },
  }),
  chargebackReversed: (p) => ({
    subject: 'Je betaling telt weer: de terugboeking is teruggedraaid',
    lines: [
      `Hoi ${p.firstName},`,
      `De bank heeft de terugboeking (chargeback) van ${p.amount} op je betaling teruggedraaid: dat bedrag is weer aan ons betaald.`,
      `Bij je bestelling staat factuur ${p.correctionNumber}, die de creditnota van de terugboeking corrigeert; je hoeft niets te betalen.`,
      ...(p.courseRestored ? ['Je hebt weer toegang tot de cursus uit deze bestelling.'] : []),
      ...(p.sessionsRestored === 1 ? ['De coachingsessie die was vervallen, staat weer voor je klaar.'] : []),
      ...(p.sessionsRestored > 1 ? [`De ${p.sessionsRestored} coachingsessies die waren vervallen, staan weer voor je klaar.`] : []),
    ],
    action: { label: 'Bekijk je bestelling', url: p.orderUrl },
  }),
  shopAttention: (p) => ({
    subject: `Actie nodig: ${{ refundFailed: 'terugbetaling mislukt', refundRefused: 'terugbetaling geweigerd', paymentMismatch: 'betaling klopt niet', duplicateChargeback: 'terugboeking van een dubbele betaling', chargebackReversed: 'terugboeking teruggedraaid' }[p.problem]} (bestelling ${p.orderReference})`,
    lines: [
      {
        refundFailed: `Mollie heeft een terugbetaling van ${p.amount} niet uitgevoerd: het geld is niet bij de koper aangekomen.`,
        refundRefused: `Mollie weigerde een terugbetaling van ${p.amount} die zonder beheerder werd aangevraagd (bijvoorbeeld door een te laag saldo). Er is niets terugbetaald.`,
        paymentMismatch: `Er kwam een betaling binnen die niet bij de bestelling past (bedrag, valuta of test/live). Er is niets geleverd; het geld staat bij Mollie.`,
        duplicateChargeback: `De koper liet een tweede betaling voor een al betaalde bestelling (${p.amount}) terugboeken, terwijl wij die dubbele betaling zelf ook terugbetalen. Kijk of de koper nu twee keer geld terugkrijgt.`,
        chargebackReversed: `De bank heeft een terugboeking van ${p.amount} teruggedraaid: het bedrag is weer van ons.`,
      }[p.problem],
      p.detail,
      'Bekijk de bestelling en handel het af (zo nodig in het Mollie-dashboard).',
    ],
    action: { label: 'Naar de bestelling', url: p.adminUrl },
  }),
}

const en: Catalog = {
  verifyEmail: (p) => ({
    subject: 'Confirm your e-mail address for Jouw Bot',
    lines: [`Hi ${p.firstName},`, 'Welcome to Jouw Bot! Confirm your e-mail address to activate your account. The link is valid for 24 hours.'],
    action: { label: 'Confirm e-mail address', url: p.url },
  }),
  signUpExisting: (p) => ({
    subject: 'You already have a Jouw Bot account',
    lines: [
      `Hi ${p.firstName},`,
      'Someone (hopefully you) tried to create an account with this e-mail address. You already have one.',
      `Log in at ${p.loginUrl} or choose a new password at ${p.resetUrl}.`,
      'Not you? Then there is nothing to do.',
    ],
  }),
  resetPassword: (p) => ({
    subject: 'Choose a new password',
    lines: [`Hi ${p.firstName},`, 'You asked for a new password. The link is valid for 1 hour and works once.', 'Did not ask for this? Ignore this e-mail.'],
    action: { label: 'Choose a new password', url: p.url },
  }),
  passwordChanged: (p) => ({
    subject: 'Your password was changed',
    lines: [`Hi ${p.firstName},`, 'The password of your Jouw Bot account was just changed. Other devices were signed out.', 'Not you? Contact us right away at robin@jouwbot.nl.'],
  }),
  confirmEmailChange: (p) => ({
    subject: 'Confirm your new e-mail address',
    lines: [`Hi ${p.firstName},`, 'Confirm that you want to use this address for your Jouw Bot account. The link is valid for 24 hours.'],
    action: { label: 'Confirm new e-mail address', url: p.url },
  }),
  emailChangeTaken: (p) => ({
    subject: 'This e-mail address already has an account',
    lines: ['Someone tried to link this e-mail address to another Jouw Bot account, but an account with this address already exists.', `Is that you? Log in at ${p.loginUrl}.`],
  }),
  emailChanged: (p) => ({
    subject: 'Your e-mail address was changed',
    lines: [`Hi ${p.firstName},`, `Your account now uses ${p.newEmail}.`, 'Not you? Contact us right away at robin@jouwbot.nl.'],
  }),
  twoFactorEnabled: (p) => ({
    subject: 'Two-step verification is on',
    lines: [`Hi ${p.firstName},`, 'Two-step verification was turned on for your account. Keep your recovery codes somewhere safe.'],
  }),
  twoFactorDisabled: (p) => ({
    subject: 'Two-step verification is off',
    lines: [`Hi ${p.firstName},`, 'Two-step verification was turned off for your account.', 'Not you? Contact us right away at robin@jouwbot.nl.'],
  }),
  recoveryCodeUsed: (p) => ({
    subject: 'A recovery code was used',
    lines: [`Hi ${p.firstName},`, `You signed in with a recovery code. You have ${p.remaining} left.`, 'Not you? Change your password right away.'],
  }),
  orderPaid: (p) => ({
    subject: `Thank you for your order: ${p.productName}`,
    lines: [
      `Hi ${p.firstName},`,
      `We received your payment of ${p.amount}. ${p.productName} is ready for you.`,
      `You can download your invoice (${p.invoiceNumber}) with your order.`,
      ...(p.withdrawalWaived
        ? ['You asked for immediate access to the course and acknowledged that you thereby give up your 14-day right of withdrawal for digital content.']
        : []),
    ],
    action: { label: 'View your order', url: p.orderUrl },
  }),
  orderRefunded: (p) => ({
    subject: `Refund: ${p.productName}`,
    lines: [
      `Hi ${p.firstName},`,
      `We refunded ${p.amount} to you. It may take a few working days to reach your account.`,
      `The credit note (${p.creditNoteNumber}) is with your order.`,
      ...(p.courseEnded ? ['Your access to the course from this order has ended.'] : []),
      ...(p.sessionsLapsed === 1 ? ['The coaching session you had not used yet has lapsed.'] : []),
      ...(p.sessionsLapsed > 1 ? [`The ${p.sessionsLapsed} coaching sessions you had not used yet have lapsed.`] : []),
    ],
    action: { label: 'View your order', url: p.orderUrl },
  }),
  duplicatePaymentRefunded: (p) => ({
    subject: 'You paid twice: we are refunding it',
    lines: [
      `Hi ${p.firstName},`,
      `Your order was already paid when another payment of ${p.amount} came in. We are refunding that second payment in full; it may take a few working days to reach your account.`,
      'There is nothing you need to do; your order does not change.',
    ],
    action: { label: 'View your order', url: p.orderUrl },
  }),
  refundFailed: (p) => ({
    subject: 'Your refund did not go through',
    lines: [
      `Hi ${p.firstName},`,
      `The refund of ${p.amount} we told you about was not carried out by the bank or Mollie, so the money has not reached your account.`,
      'We will contact you to try again.',
      ...(p.corrected ? ['Your order now shows an invoice correcting the credit note; there is nothing to pay.'] : []),
    ],
    action: { label: 'View your order', url: p.orderUrl },
  }),
  chargebackReversed: (p) => ({
    subject: 'Your payment counts again: the chargeback was reversed',
    lines: [
      `Hi ${p.firstName},`,
      `The bank reversed the chargeback of ${p.amount} on your payment: that amount has been paid to us again.`,
      `Your order now shows invoice ${p.correctionNumber}, correcting the chargeback's credit note; there is nothing to pay.`,
      ...(p.courseRestored ? ['You have access to the course from this order again.'] : []),
      ...(p.sessionsRestored === 1 ? ['The coaching session that had lapsed is yours again.'] : []),
      ...(p.sessionsRestored > 1 ? [`The ${p.sessionsRestored} coaching sessions that had lapsed are yours again.`] : []),
    ],
    action: { label: 'View your order', url: p.orderUrl },
  }),
  shopAttention: (p) => ({
    subject: `Action needed: ${{ refundFailed: 'refund failed', refundRefused: 'refund refused', paymentMismatch: 'payment does not match', duplicateChargeback: 'chargeback of a double payment', chargebackReversed: 'chargeback reversed' }[p.problem]} (order ${p.orderReference})`,
    lines: [
      {
        refundFailed: `Mollie did not carry out a refund of ${p.amount}: the money did not reach the buyer.`,
        refundRefused: `Mollie refused a refund of ${p.amount} asked for without an admin (for instance, too low a balance). Nothing was refunded.`,
        paymentMismatch: `A payment came in that does not match its order (amount, currency or test/live). Nothing was delivered; the money is at Mollie.`,
        duplicateChargeback: `The buyer had a second payment for an already paid order (${p.amount}) charged back, while we refund that double payment ourselves too. Check whether the buyer now gets the money back twice.`,
        chargebackReversed: `The bank reversed a chargeback of ${p.amount}: the amount is ours again.`,
      }[p.problem],
      p.detail,
      'Look at the order and settle it (in the Mollie dashboard if need be).',
    ],
    action: { label: 'Open the order', url: p.adminUrl },
  }),
}

const catalogs: Record<MailLocale, Catalog> = { nl, en }

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

export function renderMail<T extends MailTemplate>(template: T, locale: MailLocale, params: MailTemplates[T]): RenderedMail {
  const render = catalogs[locale][template] as (p: MailTemplates[T]) => Text
  const { subject, lines, action } = render(params)
  const footer = 'Jouw Bot · Sterrenlaan 218 · 2402 BD Alphen aan den Rijn'
  const text = [...lines, ...(action ? [`${action.label}: ${action.url}`] : []), '', '—', footer].join('\n\n')
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#1f2340">',
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    action
      ? `<p><a href="${escapeHtml(action.url)}" style="background:#5b5bd6;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="font-size:12px">${escapeHtml(action.url)}</p>`
      : '',
    `<p style="font-size:12px;color:#666">${escapeHtml(footer)}</p></body></html>`,
  ].join('')
  return { subject, text, html }
}

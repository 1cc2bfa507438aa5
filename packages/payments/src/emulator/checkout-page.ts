import type { IncomingMessage, ServerResponse } from 'node:http'
import { EmulatorStateError } from './errors.ts'
import { BodyTooLargeError, readBody } from './http-util.ts'
import type { StoredPayment } from './model.ts'
import type { EmulatorStore } from './store.ts'

/** A plain Node handler; with Express, `app.use(prefix, handler)` works too (an unmatched path calls `next`). */
export type CheckoutHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/** The outcomes the test checkout offers. */
export const CHECKOUT_OUTCOMES = ['paid', 'failed', 'canceled', 'expired'] as const
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number]

export interface CheckoutContext {
  store: EmulatorStore
  /** e.g. `/_mollie-emulator` when the host app serves the page there; '' at the root. */
  pathPrefix: string
  /** Applies the outcome and starts its webhook; resolves after the webhook's first attempt. */
  complete: (paymentId: string, outcome: CheckoutOutcome) => Promise<StoredPayment>
  log: (message: string) => void
}

type Language = 'nl' | 'en'

const TEXT = {
  nl: {
    title: 'Testbetaling',
    intro: 'Dit is de testbetaalpagina van de Mollie-emulator. Er wordt geen echt geld overgemaakt.',
    description: 'Omschrijving',
    amount: 'Bedrag',
    payment: 'Betaling',
    status: 'Status',
    choose: 'Kies de uitkomst van de betaling',
    outcomes: { paid: 'Betaald', failed: 'Mislukt', canceled: 'Geannuleerd', expired: 'Verlopen' },
    submit: 'Doorgaan',
    finishedTitle: 'Deze betaling is niet meer open',
    back: 'Terug naar de webwinkel',
    refunded: 'Terugbetaald',
    chargedBack: 'Teruggeboekt (chargeback)',
    statuses: { open: 'open', pending: 'in behandeling', authorized: 'geautoriseerd', paid: 'betaald', canceled: 'geannuleerd', expired: 'verlopen', failed: 'mislukt' },
  },
  en: {
    title: 'Test payment',
    intro: 'This is the test checkout of the Mollie emulator. No real money moves.',
    description: 'Description',
    amount: 'Amount',
    payment: 'Payment',
    status: 'Status',
    choose: 'Choose the outcome of the payment',
    outcomes: { paid: 'Paid', failed: 'Failed', canceled: 'Canceled', expired: 'Expired' },
    submit: 'Continue',
    finishedTitle: 'This payment is no longer open',
    back: 'Back to the shop',
    refunded: 'Refunded',
    chargedBack: 'Charged back',
    statuses: { open: 'open', pending: 'pending', authorized: 'authorized', paid: 'paid', canceled: 'canceled', expired: 'expired', failed: 'failed' },
  },
} satisfies Record<Language, unknown>

/** Plain CSS served from the same path (so a host's `style-src 'self'` allows it); the page has no inline style and no script. */
const STYLESHEET = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1d21}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d5d8de;border-radius:.5rem}
h1{font-size:1.5rem;margin-top:0}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
fieldset{border:1px solid #d5d8de;border-radius:.25rem;margin:1rem 0;padding:.75rem 1rem}
fieldset div{padding:.25rem 0}label{margin-left:.4rem}
button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.25rem;background:#0a5fd8;color:#fff;cursor:pointer}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
`

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const formatAmount = (cents: number, currency: string, language: Language): string =>
  new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency }).format(cents / 100)

function languageFor(payment: StoredPayment | undefined, req: IncomingMessage): Language {
  if (payment?.locale) return payment.locale.startsWith('nl') ? 'nl' : 'en'
  // No locale fixed at creation: Mollie follows the browser; our platform's default is Dutch.
  const accept = req.headers['accept-language'] ?? ''
  return accept === '' || /^\s*nl\b/i.test(accept) ? 'nl' : 'en'
}

function page(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Mollie emulator</title>
<link rel="stylesheet" href="assets/checkout.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

function summary(store: EmulatorStore, payment: StoredPayment, language: Language): string {
  const t = TEXT[language]
  const refunded = store.amountRefundedCents(payment)
  const chargedBack = store.amountChargedBackCents(payment)
  return `<dl>
<dt>${t.description}</dt><dd>${escapeHtml(payment.description)}</dd>
<dt>${t.amount}</dt><dd>${escapeHtml(formatAmount(payment.amountCents, payment.currency, language))}</dd>
<dt>${t.payment}</dt><dd>${escapeHtml(payment.id)}</dd>
<dt>${t.status}</dt><dd>${t.statuses[payment.status]}</dd>
${refunded > 0 ? `<dt>${t.refunded}</dt><dd>${escapeHtml(formatAmount(refunded, payment.currency, language))}</dd>\n` : ''}${
    chargedBack > 0 ? `<dt>${t.chargedBack}</dt><dd>${escapeHtml(formatAmount(chargedBack, payment.currency, language))}</dd>\n` : ''
  }</dl>`
}

export function renderCheckout(store: EmulatorStore, payment: StoredPayment, language: Language): string {
  const t = TEXT[language]
  const options = CHECKOUT_OUTCOMES.map(
    (outcome) =>
      `<div><input type="radio" id="status-${outcome}" name="status" value="${outcome}"${outcome === 'paid' ? ' checked' : ''}><label for="status-${outcome}">${t.outcomes[outcome]}</label></div>`,
  ).join('\n')
  return page(
    language,
    t.title,
    `<h1>${t.title}</h1>
<p>${t.intro}</p>
${summary(store, payment, language)}
<form method="post">
<fieldset>
<legend>${t.choose}</legend>
${options}
</fieldset>
<button type="submit">${t.submit}</button>
</form>`,
  )
}

export function renderStatus(store: EmulatorStore, payment: StoredPayment, language: Language, heading?: string): string {
  const t = TEXT[language]
  return page(
    language,
    heading ?? t.payment,
    `<h1>${heading ?? `${t.payment} ${escapeHtml(payment.id)}`}</h1>
${summary(store, payment, language)}
<p><a href="${escapeHtml(payment.redirectUrl)}">${t.back}</a></p>`,
  )
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  // No form-action: browsers apply it to the 303 that follows the POST, which goes to the shop's origin.
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) })
  res.end(html)
}

const notFoundPage = () =>
  page('nl', 'Onbekende betaling / Unknown payment', '<h1>Onbekende betaling / Unknown payment</h1>\n<p>Deze betaling bestaat niet. / This payment does not exist.</p>')

/**
 * The hosted checkout of the emulator: `GET {prefix}/checkout/tr_…` shows a form (no JavaScript) with the
 * outcomes paid / failed / canceled / expired; `POST` applies the chosen one, lets the webhook's first
 * attempt happen, and answers 303 to the payment's redirectUrl (cancelUrl when canceled and set).
 * `GET {prefix}/payments/tr_…` is a read-only status page (the payment's dashboard link).
 */
export function createCheckoutHandler(ctx: CheckoutContext): CheckoutHandler {
  const stripPrefix = (pathname: string): string =>
    ctx.pathPrefix && (pathname === ctx.pathPrefix || pathname.startsWith(`${ctx.pathPrefix}/`)) ? pathname.slice(ctx.pathPrefix.length) : pathname

  async function handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> {
    const path = stripPrefix(new URL(req.url ?? '/', 'http://emulator.invalid').pathname)
    const method = req.method ?? 'GET'

    if (path === '/checkout/assets/checkout.css' || path === '/payments/assets/checkout.css') {
      if (method !== 'GET' && method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600', 'X-Content-Type-Options': 'nosniff' })
      return void res.end(method === 'HEAD' ? undefined : STYLESHEET)
    }

    const statusMatch = /^\/payments\/(tr_[A-Za-z0-9]+)$/.exec(path)
    if (statusMatch && (method === 'GET' || method === 'HEAD')) {
      const payment = ctx.store.payment(statusMatch[1]!)
      if (!payment) return send(res, 404, notFoundPage())
      return send(res, 200, renderStatus(ctx.store, payment, languageFor(payment, req)))
    }

    const match = /^\/checkout\/(tr_[A-Za-z0-9]+)$/.exec(path)
    if (!match) {
      if (next) return next()
      return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n')
    }
    const payment = ctx.store.payment(match[1]!)
    const language = languageFor(payment, req)
    if (!payment) return send(res, 404, notFoundPage())

    if (method === 'GET' || method === 'HEAD') {
      if (payment.status !== 'open') return send(res, 200, renderStatus(ctx.store, payment, language, TEXT[language].finishedTitle))
      return send(res, 200, renderCheckout(ctx.store, payment, language))
    }
    if (method !== 'POST') return void res.writeHead(405, { Allow: 'GET, HEAD, POST' }).end()

    let outcome: string | null
    try {
      outcome = new URLSearchParams(await readBody(req, 8 * 1024)).get('status')
    } catch (error) {
      if (error instanceof BodyTooLargeError) return void res.writeHead(413).end()
      throw error
    }
    if (!CHECKOUT_OUTCOMES.includes(outcome as CheckoutOutcome)) {
      const t = TEXT[language]
      return send(res, 400, page(language, t.title, `<h1>${t.title}</h1>\n<p>${t.choose}: ${CHECKOUT_OUTCOMES.map((o) => t.outcomes[o]).join(', ')}.</p>`))
    }
    if (payment.status !== 'open') return send(res, 409, renderStatus(ctx.store, payment, language, TEXT[language].finishedTitle))
    try {
      await ctx.complete(payment.id, outcome as CheckoutOutcome)
    } catch (error) {
      // Another tab (or a test control) finished the payment in between.
      if (error instanceof EmulatorStateError) return send(res, 409, renderStatus(ctx.store, payment, language, TEXT[language].finishedTitle))
      throw error
    }
    const target = outcome === 'canceled' && payment.cancelUrl ? payment.cancelUrl : payment.redirectUrl
    res.writeHead(303, { ...SECURITY_HEADERS, Location: target }).end()
  }

  return (req, res, next) => {
    handle(req, res, next).catch((error: unknown) => {
      ctx.log(`checkout error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Internal error in the Mollie emulator checkout\n')
    })
  }
}


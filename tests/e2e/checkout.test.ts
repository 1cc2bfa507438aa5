/**
 * Buying the Premium Cursus in a real browser against the real server (API + built client, in-memory
 * database with the seeded course and shop, the Mollie emulator's test checkout on the same origin):
 *  - a member opens /prijzen, goes to the checkout, applies WELKOM10 (sees € 267,30), fills in the
 *    billing details, accepts the terms and pays on the emulator page choosing "Betaald";
 *  - back on /bestelling/:id the page shows the payment as paid, links to the course and offers the
 *    invoice; the lesson that was locked before now plays; the invoice downloads as a PDF named after
 *    its number; the order shows up under /account/bestellingen;
 *  - a failed payment offers "Opnieuw betalen" (a plain form to the server's 303 route), which leads
 *    to a second attempt that succeeds; an admin then finds the order, refunds part of it after a
 *    confirmation step, and the buyer sees the refund and the credit note.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedShop } from '@jouwbot/api/checkout'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { startBuying } from '../helpers/shop.ts'
import { logIn, logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const COURSE = 'premium-cursus'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer({ seedCourse: true, payments: true })
  await seedShop(server.deps, COURSE)
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('a member buys the Premium Cursus with a coupon, pays at Mollie, gets the lessons and the invoice', async () => {
  const anna = await createMember(server.deps, { firstName: 'Anna' })
  const api = await anna.client.api()
  const outline = await api.course.outline({ courseSlug: COURSE })
  const lesson3 = outline.modules.flatMap((module) => module.lessons)[2]!
  expect(lesson3.freePreview).toBe(false)
  const lessonPath = `/cursus/${COURSE}/les/${lesson3.slug}`

  const page = await browser.newDevice()
  await logIn(page, anna.email, 'Anna')

  // Before: lesson 3 is locked.
  await page.goto(lessonPath)
  await page.getByRole('heading', { name: 'Deze les hoort bij de Premium Cursus' }).waitFor()
  expect(await page.locator('video').count()).toBe(0)

  // --- The price list. ---
  await page.goto('/prijzen')
  const card = page.getByRole('article', { name: 'Premium Cursus', exact: true })
  await card.waitFor()
  await card.getByText('€ 297,00').waitFor()
  await card.getByText('incl. 21% btw').waitFor()
  await card.getByRole('link', { name: /^Kopen\s*:\s*Premium Cursus$/ }).click()
  await page.waitForURL(`${server.url}/afrekenen/premium-cursus`)

  // --- The checkout: coupon, billing details, terms. ---
  await page.getByRole('heading', { level: 1, name: 'Je bestelling afronden' }).waitFor()
  expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Anna de Vries')
  expect(await page.getByLabel('Land').inputValue()).toBe('NL')
  await page.getByLabel('Heb je een kortingscode?').fill('welkom10')
  await page.getByRole('button', { name: 'Toepassen' }).click()
  await page.getByText(/Kortingscode WELKOM10 is toegepast: €\s29,70 korting\. Je betaalt €\s267,30\./).waitFor()
  const summary = page.getByRole('complementary', { name: 'Overzicht' })
  await summary.getByText('Korting (WELKOM10)').waitFor()
  expect(await summary.locator('.checkout-summary__total dd').innerText()).toMatch(/^€\s267,30$/)

  // Paying without the terms and the consent to immediate access is refused on the spot, with the reasons at the checkboxes.
  await page.getByLabel('Adres').fill('Sterrenlaan 1')
  await page.getByLabel('Postcode').fill('2402 BD')
  await page.getByLabel('Plaats').fill('Alphen aan den Rijn')
  await page.getByRole('button', { name: 'Betalen met Mollie' }).click()
  const terms = page.getByRole('checkbox', { name: /Ik ga akkoord met de algemene voorwaarden/ })
  await expect.poll(() => terms.getAttribute('aria-invalid')).toBe('true')
  const waiver = page.getByRole('checkbox', { name: /Ik wil direct toegang tot de cursus/ })
  expect(await waiver.getAttribute('aria-invalid')).toBe('true')
  await terms.check()
  await waiver.check()
  await page.getByRole('button', { name: 'Betalen met Mollie' }).click()

  // --- Mollie's (emulated) checkout on our own origin. ---
  await page.waitForURL(/\/_mollie\/checkout\/tr_\w+$/)
  await page.getByText('€ 267,30').waitFor()
  await page.getByLabel('Betaald').check()
  await page.getByRole('button', { name: 'Doorgaan' }).click()

  // --- Back on the order page: paid. ---
  await page.waitForURL(/\/bestelling\/[0-9a-f-]{36}$/)
  const orderId = new URL(page.url()).pathname.split('/').at(-1)!
  await page.getByRole('heading', { name: 'Betaald – bedankt voor je bestelling!' }).waitFor()
  await page.locator('.badge', { hasText: 'Betaald' }).waitFor()
  const [order] = await (await anna.client.api()).checkout.myOrders()
  expect(order).toMatchObject({ id: orderId, status: 'paid', totalCents: 26_730, discountCents: 2_970 })
  const invoice = order!.invoices.find((doc) => doc.kind === 'invoice')!
  expect(invoice).toBeDefined()
  const invoiceLink = page.getByRole('link', { name: `Factuur ${invoice.number} (PDF)` })
  await invoiceLink.waitFor()
  expect(await invoiceLink.getAttribute('href')).toBe(`/invoices/${invoice.id}.pdf`)

  // The invoice downloads as a PDF named after its number.
  const [download] = await Promise.all([page.waitForEvent('download'), invoiceLink.click()])
  expect(download.suggestedFilename()).toContain(invoice.number)
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  const pdf = await readFile((await download.path())!)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

  // --- The formerly locked lesson plays now. ---
  await page.getByRole('link', { name: /^Naar de cursus/ }).click()
  await page.waitForURL(`${server.url}/cursus/${COURSE}`)
  await page.goto(lessonPath)
  await page.getByRole('heading', { level: 1, name: lesson3.title }).waitFor()
  await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, { timeout: 20_000 })
  expect(await page.getByRole('heading', { name: 'Deze les hoort bij de Premium Cursus' }).count()).toBe(0)
  await page.evaluate(async () => {
    const video = document.querySelector('video')!
    video.muted = true
    await video.play()
  })
  await page.waitForFunction(() => document.querySelector('video')!.currentTime > 0.5, null, { timeout: 20_000 })

  // --- The order history lists it with the invoice. ---
  await page.goto('/account/bestellingen')
  await page.getByRole('heading', { level: 1, name: 'Mijn bestellingen' }).waitFor()
  const row = page.locator('.order-card').first()
  await row.getByText('Betaald', { exact: true }).waitFor()
  await row.getByRole('link', { name: `Factuur ${invoice.number} (PDF)` }).waitFor()

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

test('a failed payment is paid on the second try; an admin refunds part of it and a credit note follows', async () => {
  const bart = await createMember(server.deps, { firstName: 'Bart' })
  const page = await browser.newDevice()
  await logIn(page, bart.email, 'Bart')

  await page.goto('/afrekenen/coachingsessie')
  await page.getByRole('heading', { level: 1, name: 'Je bestelling afronden' }).waitFor()
  await page.getByLabel('Adres').fill('Dorpsstraat 2')
  await page.getByLabel('Postcode').fill('1234 AB')
  await page.getByLabel('Plaats').fill('Utrecht')
  // A coaching session is a service, not digital content: no waiver of the right of withdrawal.
  expect(await page.getByRole('checkbox', { name: /direct toegang/ }).count()).toBe(0)
  await page.getByRole('checkbox', { name: /Ik ga akkoord met de algemene voorwaarden/ }).check()
  await page.getByRole('button', { name: 'Betalen met Mollie' }).click()
  await page.waitForURL(/\/_mollie\/checkout\/tr_\w+$/)
  await page.getByLabel('Mislukt').check()
  await page.getByRole('button', { name: 'Doorgaan' }).click()

  await page.waitForURL(/\/bestelling\/[0-9a-f-]{36}$/)
  const orderId = new URL(page.url()).pathname.split('/').at(-1)!
  await page.getByRole('heading', { name: 'De betaling is mislukt' }).waitFor()
  // Pay again: a real form post, answered with a 303 to a new Mollie checkout.
  await page.getByRole('button', { name: 'Opnieuw betalen' }).click()
  await page.waitForURL(/\/_mollie\/checkout\/tr_\w+$/)
  await page.getByLabel('Betaald').check()
  await page.getByRole('button', { name: 'Doorgaan' }).click()
  await page.waitForURL(`${server.url}/bestelling/${orderId}`)
  await page.getByRole('heading', { name: 'Betaald – bedankt voor je bestelling!' }).waitFor()
  await page.getByText(/^Deze bestelling geeft je 1 coachingsessie\./).waitFor()

  // --- An admin refunds € 49 of the € 149. ---
  const admin = await createMember(server.deps, { firstName: 'Anouk' })
  const { secret } = await makeStaff(server.deps, admin)
  const desk = await browser.newDevice()
  await logInStaff(desk, { email: admin.email, firstName: 'Anouk', secret }, server.deps.clock.now())
  await desk.goto('/admin')
  await desk.getByRole('link', { name: 'Bestellingen' }).click()
  await desk.getByRole('heading', { level: 1, name: 'Bestellingen' }).waitFor()
  const search = desk.getByRole('searchbox', { name: 'Zoeken' })
  // Two characters are not a search: said at the field, in Dutch.
  await search.fill('ab')
  await desk.getByRole('button', { name: 'Zoeken' }).click()
  await desk.getByText('Vul minstens 3 tekens in: een deel van het e-mailadres of het begin van het bestelnummer.').waitFor()
  expect(await search.getAttribute('aria-invalid')).toBe('true')
  // The order number as shown finds the order (the e-mail address would too).
  await search.fill(orderId.slice(0, 8).toUpperCase())
  await desk.getByRole('button', { name: 'Zoeken' }).click()
  await desk.getByText('1 bestelling getoond.').waitFor()
  expect(await search.getAttribute('aria-invalid')).toBeNull()
  await desk.getByRole('link', { name: orderId.slice(0, 8).toUpperCase() }).click()
  const payments = desk.getByRole('table', { name: 'Betalingen', exact: true })
  await payments.waitFor()
  expect(await payments.locator('tbody tr').count()).toBe(2)

  await desk.getByLabel('Bedrag in euro’s').fill('49')
  await desk.getByLabel('Reden').fill('Sessie korter dan afgesproken')
  await desk.getByRole('button', { name: 'Terugbetaling controleren' }).click()
  await desk.getByRole('heading', { name: 'Weet je het zeker?' }).waitFor()
  await desk.getByRole('button', { name: /^Ja, €\s49,00 terugbetalen$/ }).click()
  await desk.getByText(/^Creditnota .+ is aangemaakt\.$/).waitFor()
  const [order] = await (await bart.client.api()).checkout.myOrders()
  expect(order).toMatchObject({ id: orderId, status: 'paid', refundedCents: 4_900 })
  const creditNote = order!.invoices.find((doc) => doc.kind === 'credit_note')!
  expect(creditNote).toBeDefined()

  // The buyer sees the refund and can download the credit note.
  await page.reload()
  await page.getByText('Terugbetaald').waitFor()
  const link = page.getByRole('link', { name: `Creditnota ${creditNote.number} (PDF)` })
  expect(await link.getAttribute('href')).toBe(`/invoices/${creditNote.id}.pdf`)
  const pdf = await page.request.get(`/invoices/${creditNote.id}.pdf`)
  expect(pdf.status()).toBe(200)
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

test('an admin refunds the coaching of a course + coaching order: the amount is required, the buyer keeps the course', async () => {
  const saar = await createMember(server.deps, { firstName: 'Saar' })
  const { orderId, paymentId } = await startBuying(saar.client, 'premium-cursus-coaching')
  await server.payments!.emulator.setPaymentStatus(paymentId, 'paid')

  const admin = await createMember(server.deps, { firstName: 'Anouk' })
  const { secret } = await makeStaff(server.deps, admin)
  const desk = await browser.newDevice()
  await logInStaff(desk, { email: admin.email, firstName: 'Anouk', secret }, server.deps.clock.now())
  await desk.goto(`/admin/bestellingen/${orderId}`)
  const coachingOnly = desk.getByRole('checkbox', { name: /Alleen de coaching herroepen/ })
  await coachingOnly.check()
  await desk.getByLabel('Reden').fill('Herroeping coaching binnen de bedenktijd')
  await desk.getByRole('button', { name: 'Terugbetaling controleren' }).click()
  // "Everything left" would refund the course too: the amount is asked for, at its field.
  const amount = desk.getByLabel('Bedrag in euro’s')
  await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true')

  await amount.fill('400')
  await desk.getByRole('button', { name: 'Terugbetaling controleren' }).click()
  await desk.getByText('De cursus blijft; de coachingsessies uit deze bestelling die nog niet gebruikt zijn, vervallen.').waitFor()
  await desk.getByRole('button', { name: /^Ja, €\s400,00 terugbetalen$/ }).click()
  await desk.getByText(/^Creditnota .+ is aangemaakt\.$/).waitFor()

  const api = await saar.client.api()
  expect((await api.course.outline({ courseSlug: 'premium-cursus' })).hasAccess).toBe(true)
  expect((await api.checkout.myOrders())[0]).toMatchObject({ id: orderId, refundedCents: 40_000 })
  expect(browser.pageErrors).toEqual([])
})

/**
 * What a new customer walks through (issue 13), on a desktop and a phone width: the landing page shows
 * prices, the header leads to them, "Kopen" leads to the checkout, the paid order says "Totaal betaald",
 * and the lesson page has the course's lessons beside the video with the current one marked — folded
 * away on the phone until opened.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedShop } from '@jouwbot/api/checkout'
import { createMember } from '../helpers/accounts.ts'
import { logIn, openBrowser, type BrowserSession } from '../helpers/browser.ts'
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

for (const width of [{ name: 'desktop', size: { width: 1280, height: 900 } }, { name: 'phone', size: { width: 390, height: 844 } }]) {
  test(`landing → price → checkout → paid → lesson with the curriculum (${width.name})`, async () => {
    const firstName = width.name === 'desktop' ? 'Anna' : 'Bram'
    const member = await createMember(server.deps, { firstName, email: `${firstName.toLowerCase()}@example.nl` })
    const page = await browser.newDevice()
    await page.setViewportSize(width.size)

    // --- Logged out, the landing page shows the prices and the header leads to them. ---
    await page.goto('/')
    const pricing = page.locator('#prijzen')
    await pricing.getByRole('heading', { name: 'Kies je pakket en begin vandaag' }).waitFor()
    await pricing.getByRole('article', { name: 'Premium Cursus', exact: true }).getByText('€ 297,00').waitFor()
    expect(await page.getByText(/klaarstaan/).count()).toBe(0)
    const headerPricing = page.getByRole('banner').getByRole('link', { name: 'Prijzen', exact: true })
    expect(await headerPricing.count()).toBe(1)

    // --- Logged in, the same header link; the footer no longer offers "Account maken". ---
    await logIn(page, member.email, firstName)
    expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Account maken' }).count()).toBe(0)
    await page.getByRole('banner').getByRole('link', { name: 'Prijzen', exact: true }).click()
    await page.waitForURL(`${server.url}/prijzen`)
    await page
      .getByRole('article', { name: 'Premium Cursus', exact: true })
      .getByRole('link', { name: /^Kopen\s*:\s*Premium Cursus$/ })
      .click()
    await page.waitForURL(`${server.url}/afrekenen/${COURSE}`)

    // --- The checkout; the waiver's error says what it is about. ---
    await page.getByLabel('Adres').fill('Sterrenlaan 1')
    await page.getByLabel('Postcode').fill('2402 BD')
    await page.getByLabel('Plaats').fill('Alphen aan den Rijn')
    await page.getByRole('checkbox', { name: /Ik ga akkoord met de algemene voorwaarden/ }).check()
    await page.getByRole('button', { name: 'Betalen met Mollie' }).click()
    await page.getByText(/afziet van je herroepingsrecht\. Zonder die toestemming/).waitFor()
    await page.getByRole('checkbox', { name: /Ik wil direct toegang tot de cursus/ }).check()
    await page.getByRole('button', { name: 'Betalen met Mollie' }).click()
    await page.waitForURL(/\/_mollie\/checkout\/tr_\w+$/)
    await page.getByLabel('Betaald').check()
    await page.getByRole('button', { name: 'Doorgaan' }).click()

    // --- Paid: the total says so. ---
    await page.waitForURL(/\/bestelling\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { name: 'Betaald – bedankt voor je bestelling!' }).waitFor()
    await page.getByText('Totaal betaald').waitFor()
    expect(await page.getByText('Totaal te betalen').count()).toBe(0)

    // --- A video lesson, with the course's lessons beside (or, on the phone, under) the video. ---
    const outline = await (await member.client.api()).course.outline({ courseSlug: COURSE })
    const lesson = outline.modules.flatMap((module) => module.lessons).find((candidate) => candidate.hasVideo)!
    await page.goto(`/cursus/${COURSE}/les/${lesson.slug}`)
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor()
    const summary = page.getByText('Inhoud van de cursus', { exact: true })
    await summary.waitFor()
    const curriculum = page.getByRole('navigation', { name: 'Alle lessen van de cursus' })
    if (width.name === 'phone') {
      // Folded under the video until opened.
      expect(await curriculum.isVisible()).toBe(false)
      await summary.click()
    }
    await curriculum.waitFor()
    const current = curriculum.locator('a[aria-current="page"]')
    expect(await current.count()).toBe(1)
    expect(await current.innerText()).toContain(lesson.title)
    expect(await curriculum.getByRole('link').count()).toBe(outline.modules.flatMap((module) => module.lessons).length)
    // The video has a poster with the lesson's title until it plays (markup over it, no image).
    expect(await page.locator('.player__poster').innerText()).toContain(lesson.title)
    expect(await page.locator('video').getAttribute('poster')).toBeNull()

    expect(browser.cspViolations).toEqual([])
    expect(browser.pageErrors).toEqual([])
  }, 120_000)
}

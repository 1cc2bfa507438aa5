/**
 * The terms and conditions in a real browser against the real server (API + built client):
 *  - /voorwaarden shows the Dutch terms with the seller's details as the server has them (the test
 *    server's TEST_SELLER), the withdrawal address as a mail link, and links on to the privacy page;
 *  - the footer links to it from every page;
 *  - with English chosen, the same page speaks English.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { TEST_SELLER } from '../helpers/deps.ts'
import { openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer()
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** What the terms' table of seller details says under `label` (the footer has no such table). */
async function sellerDetail(page: Page, label: string): Promise<string> {
  return page.getByRole('main').locator(`dl dt:text-is("${label}") + dd`).innerText()
}

test('the terms show who sells, how to withdraw, and link on to the privacy statement', async () => {
  const page = await browser.newDevice()
  await page.goto('/voorwaarden')
  await page.getByRole('heading', { level: 1, name: 'Algemene voorwaarden' }).waitFor()
  expect(await page.title()).toBe('Algemene voorwaarden · Jouw Bot')

  // The seller's details come from the server (system.seller), after it answered.
  await page.getByRole('heading', { level: 2, name: '1. Wie wij zijn' }).waitFor()
  expect(await sellerDetail(page, 'KvK-nummer')).toBe(TEST_SELLER.kvkNumber)
  expect(await sellerDetail(page, 'Btw-nummer')).toBe(TEST_SELLER.vatNumber)
  expect(await sellerDetail(page, 'Naam')).toBe(TEST_SELLER.name)
  expect((await sellerDetail(page, 'Adres')).split('\n')).toEqual([...TEST_SELLER.addressLines, 'Nederland'])

  // The articles a buyer looks for, as ordinary headings.
  for (const title of ['Levering van de online cursus', 'Coachingsessies', 'Terugbetalingen en terugboekingen', 'Klachten en toepasselijk recht']) {
    await page.getByRole('heading', { level: 2, name: new RegExp(`^\\d+\\. ${title}$`) }).waitFor()
  }
  await page.getByText('afziet van je herroepingsrecht van 14 dagen (art. 6:230p BW)').waitFor()

  // Withdrawing from coaching: the address to write to is a mail link.
  const withdrawal = page.getByRole('main').locator('p', { hasText: 'Herroepen doe je door ons' })
  expect(await withdrawal.getByRole('link', { name: TEST_SELLER.email! }).getAttribute('href')).toBe(`mailto:${TEST_SELLER.email}`)

  await page.getByRole('main').getByRole('link', { name: 'privacyverklaring' }).click()
  await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/privacy')

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

test('the footer names the configured seller and links to the terms, next to the privacy statement', async () => {
  const page = await browser.newDevice()
  await page.goto('/')
  const address = page.locator('footer address')
  await address.getByText(`KvK ${TEST_SELLER.kvkNumber}`).waitFor()
  expect(await address.locator('strong').innerText()).toBe(TEST_SELLER.name)
  const footer = page.getByRole('navigation', { name: 'Voettekst' })
  const links = await footer.getByRole('link').allInnerTexts()
  expect(links.slice(0, 2)).toEqual(['Privacyverklaring', 'Algemene voorwaarden'])

  await footer.getByRole('link', { name: 'Algemene voorwaarden' }).click()
  await page.getByRole('heading', { level: 1, name: 'Algemene voorwaarden' }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/voorwaarden')
  expect(await sellerDetail(page, 'KvK-nummer')).toBe(TEST_SELLER.kvkNumber)
})

test('in English the terms speak English', async () => {
  const page = await browser.newDevice({ initScript: () => localStorage.setItem('jouwbot.language', 'en') })
  await page.goto('/voorwaarden')
  await page.getByRole('heading', { level: 1, name: 'Terms and conditions' }).waitFor()
  await page.getByRole('heading', { level: 2, name: '1. Who we are' }).waitFor()
  expect(await sellerDetail(page, 'Chamber of Commerce (KvK) number')).toBe(TEST_SELLER.kvkNumber)
  expect((await sellerDetail(page, 'Address')).split('\n').at(-1)).toBe('Netherlands')
})

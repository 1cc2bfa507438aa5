/**
 * The Messenger chat in a real browser: the plain m.me link in the footer, on the home page and on the
 * coaching page, and a member giving and withdrawing the chat consent in the privacy centre (ManyChat is
 * the emulator; the sync job is run here directly).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { syncChatContacts } from '@jouwbot/api/marketing/chat'
import { createManyChatGateway } from '@jouwbot/manychat'
import { startManyChatEmulator, type ManyChatEmulator } from '@jouwbot/manychat/emulator'
import { createMember, PASSWORD } from '../helpers/accounts.ts'
import { openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession
let emulator: ManyChatEmulator

beforeAll(async () => {
  emulator = await startManyChatEmulator()
  server = await startTestServer()
  // The server's deps are the ones its requests use: the feature on, as with MANYCHAT_API_KEY and MESSENGER_PAGE.
  server.deps.manychat = createManyChatGateway({ apiKey: emulator.apiKey, apiEndpoint: emulator.apiEndpoint })
  server.deps.messengerPage = 'jouwbot'
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await emulator?.close()
})

async function rejectCookies(page: Page) {
  const reject = page.getByRole('button', { name: 'Alles weigeren' })
  if (await reject.isVisible().catch(() => false)) await reject.click()
}

test('the Messenger link is a plain m.me link; the member gives the chat consent and withdraws it as easily', async () => {
  const member = await createMember(server.deps, { firstName: 'Noor' })
  const page = await browser.newDevice()
  await page.goto('/')
  await rejectCookies(page)
  const links = page.getByRole('link', { name: 'Chat met ons op Messenger' })
  await links.first().waitFor()
  const hrefs = await links.evaluateAll((elements) => elements.map((a) => a.getAttribute('href')))
  expect(hrefs.sort()).toEqual(['https://m.me/jouwbot?ref=footer', 'https://m.me/jouwbot?ref=home'])
  // No widget: nothing loaded from Meta or ManyChat.
  expect(await page.locator('script[src*="facebook"], script[src*="manychat"], iframe').count()).toBe(0)

  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(member.email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('heading', { name: 'Hoi Noor!' }).waitFor()
  await page.goto('/coaching')
  await page.locator('a[href="https://m.me/jouwbot?ref=coaching"]').waitFor()

  await page.goto('/account/privacy')
  await page.getByRole('heading', { level: 2, name: 'Chat via Messenger' }).waitFor()
  const box = page.getByLabel('Ja, stuur mijn naam en e-mailadres naar ManyChat', { exact: false })
  // Separate and unticked.
  expect(await box.isChecked()).toBe(false)
  await box.check()
  await page.getByRole('button', { name: 'Keuze opslaan' }).click()
  await page.getByText('Opgeslagen: je naam en e-mailadres gaan naar ManyChat.').waitFor()
  expect(await syncChatContacts(server.deps)).toMatchObject({ synced: 1, failed: 0 })
  expect([...emulator.subscribers.values()]).toEqual([expect.objectContaining({ first_name: 'Noor', email: member.email })])

  await page.reload()
  await page.getByText(/ManyChat heeft je naam en e-mailadres sinds/).waitFor()
  expect(await box.isChecked()).toBe(true)
  await box.uncheck()
  await page.getByRole('button', { name: 'Keuze opslaan' }).click()
  await page.getByText('Opgeslagen: je toestemming is ingetrokken. We wissen je gegevens bij ManyChat.').waitFor()
  expect(await syncChatContacts(server.deps)).toMatchObject({ removed: 1, failed: 0 })
  expect([...emulator.subscribers.values()]).toEqual([expect.objectContaining({ first_name: '', email: '' })])

  // The admin task shows among her requests, with its due date.
  await page.reload()
  await page.getByRole('rowheader', { name: 'Contact bij ManyChat verwijderen' }).waitFor()
  await page.getByText(/bij ManyChat gewist; een beheerder verwijdert het contact/).waitFor()
})

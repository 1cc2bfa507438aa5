/**
 * Cookies and consent in a real browser (Chromium) against the real server and built client:
 *  - before any choice, the site sets no cookie at all for a visitor and keeps in browser storage only
 *    what the privacy registry declares strictly necessary; nothing is requested from another origin;
 *  - "accept" and "reject" are the same kind of button, side by side;
 *  - rejecting sets nothing; the statistics cookie comes only after consent and goes when it is
 *    withdrawn from the footer's cookie settings; each choice is in the server's consent log;
 *  - /privacy shows the statement in force with the overview and cookie list from the registry.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { cookies as declaredCookies, publishPolicyVersion, seedPrivacyPolicy } from '@jouwbot/api/privacy'
import { MINUTE } from '@jouwbot/auth'
import { consentRecords, eq, users } from '@jouwbot/db'
import type { TestClock } from '../helpers/clock.ts'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer()
  await seedPrivacyPolicy(server.deps)
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Every name the registry declares as strictly necessary browser storage. */
const necessaryStorage = new Set(
  declaredCookies.filter((c) => c.purpose === 'necessary' && c.kind === 'localStorage').flatMap((c) => c.name.split(', ')),
)

const storageKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage))
const cookieNames = async (page: Page) => (await page.context().cookies()).map((c) => c.name).sort()

test('a visitor gets the cookie question with the page itself, not after the server answered', async () => {
  const page = await browser.newDevice()
  // Hold every tRPC answer: the question must not depend on one (it used to appear only after
  // privacy.consent came back, moving the whole page down by the banner's height).
  const held: Array<() => Promise<void>> = []
  let holding = true
  await page.route('**/trpc/**', (route) => (holding ? void held.push(() => route.continue()) : route.continue()))
  // A page the browser renders itself (the landing page comes server-rendered with the banner in
  // its HTML and asks nothing at all: server-render.e2e.test.ts).
  await page.goto('/cursussen')
  const dialog = page.getByRole('dialog', { name: 'Cookies op Jouw Bot' })
  await dialog.waitFor()
  await page.getByRole('heading', { level: 1 }).waitFor()
  expect(held.length).toBeGreaterThan(0)
  holding = false
  await Promise.all(held.map((release) => release()))
  // The server's answer (no choice yet) keeps it open.
  await page.waitForLoadState('networkidle')
  expect(await dialog.isVisible()).toBe(true)
})

test('no cookie but the necessary ones before consent; statistics only after consent, and gone when withdrawn', async () => {
  const page = await browser.newDevice()
  const foreignRequests: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) foreignRequests.push(request.url())
  })

  await page.goto('/')
  const dialog = page.getByRole('dialog', { name: 'Cookies op Jouw Bot' })
  await dialog.waitFor()
  // Browse a little without choosing: still nothing set.
  await page.getByRole('navigation', { name: 'Voettekst' }).getByRole('link', { name: 'Algemene voorwaarden' }).click()
  await page.getByRole('heading', { level: 1, name: 'Algemene voorwaarden' }).waitFor()
  await page.goto('/cursussen')
  await dialog.waitFor()
  expect(await cookieNames(page)).toEqual([])
  for (const key of await storageKeys(page)) expect(necessaryStorage, `localStorage "${key}" before consent`).toContain(key)
  expect(await storageKeys(page)).not.toContain('jouwbot.consent')

  // Equally prominent: the same button style, next to each other.
  const reject = dialog.getByRole('button', { name: 'Alles weigeren' })
  const accept = dialog.getByRole('button', { name: 'Alles accepteren' })
  expect(await reject.getAttribute('class')).toBe(await accept.getAttribute('class'))
  const [rejectBox, acceptBox] = [await reject.boundingBox(), await accept.boundingBox()]
  expect(Math.abs(rejectBox!.height - acceptBox!.height)).toBeLessThan(2)

  await reject.click()
  await dialog.waitFor({ state: 'detached' })
  // Only the strictly necessary mirror of "answered" for the server's rendering (no id, not the choice).
  expect(await cookieNames(page)).toEqual(['jb_prefs'])
  expect((await page.context().cookies()).find((c) => c.name === 'jb_prefs')?.value).toBe('v1.c1.nl')
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('jouwbot.consent')))!) as { browserId: string; statistics: boolean }
  expect(stored.statistics).toBe(false)

  // Remembered for this browser: no dialog after a reload.
  await page.reload()
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await page.waitForLoadState('networkidle')
  expect(await page.getByRole('dialog', { name: 'Cookies op Jouw Bot' }).count()).toBe(0)

  // Changing it from the footer: per purpose.
  await page.getByRole('button', { name: 'Cookie-instellingen' }).click()
  await dialog.getByRole('checkbox', { name: /Statistieken/ }).check()
  await dialog.getByRole('button', { name: 'Keuze opslaan' }).click()
  await dialog.waitFor({ state: 'detached' })
  expect(await cookieNames(page)).toEqual(['jb_prefs', 'jb_stats'])

  // Withdrawing is as easy: the same dialog, one click.
  await page.getByRole('button', { name: 'Cookie-instellingen' }).click()
  await dialog.getByRole('button', { name: 'Alles weigeren' }).click()
  await dialog.waitFor({ state: 'detached' })
  expect(await cookieNames(page)).toEqual(['jb_prefs'])

  // The server's consent log has the three choices of this browser, with text version and channel.
  const log = (await server.deps.db.select().from(consentRecords)).filter((r) => r.browserId === stored.browserId)
  expect(log.map((r) => [r.granted, r.channel, r.textVersion]).sort()).toEqual(
    [
      [false, 'banner', 'cookie-dialog-v1'],
      [true, 'cookie_settings', 'cookie-dialog-v1'],
      [false, 'cookie_settings', 'cookie-dialog-v1'],
    ].sort(),
  )
  expect(foreignRequests).toEqual([])
  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

test('/privacy shows the statement in force, the overview and the cookie list from the registry', async () => {
  const page = await browser.newDevice()
  await page.goto('/privacy')
  await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor()
  const main = page.getByRole('main')
  await main.getByText(/^Versie 2, geldig sinds/).waitFor()
  await main.getByRole('heading', { level: 2, name: 'Wat is er veranderd' }).waitFor()
  await main.getByText('Data Privacy Framework', { exact: false }).first().waitFor()
  const overview = main.getByRole('table', { name: 'Welke gegevens, waarvoor en hoe lang' })
  await overview.getByRole('rowheader', { name: 'Btw-nummer' }).waitFor()
  if (process.env.PRIVACY_SCREENSHOT) await page.screenshot({ path: process.env.PRIVACY_SCREENSHOT, fullPage: true })
  const cookieTable = main.getByRole('table', { name: 'Cookies en opslag in je browser' })
  for (const name of ['jb_session', 'jouwbot.consent', 'jb_stats']) await cookieTable.getByRole('rowheader', { name }).waitFor()

  // The 2018 statement stays readable.
  await main.getByRole('link', { name: /^Versie 1 / }).click()
  await main.getByText(/Versie 1 van 17 juli 2018/).waitFor()
  await main.getByText('aan het Privacy Shield voldoet', { exact: false }).waitFor()
  expect(browser.pageErrors).toEqual([])
})

test('a member: consent remembered on the account, a notice about a new statement, and the admin run log', async () => {
  const member = await createMember(server.deps, { firstName: 'Lotte' })
  const [row] = await server.deps.db.select({ id: users.id }).from(users).where(eq(users.email, member.email))
  // Staff need 2FA on (privacy-rights): the admin logs in with password and code.
  const { secret } = await makeStaff(server.deps, member)

  // First device: the member chooses; the choice is stored on the account.
  const first = await browser.newDevice()
  await logInStaff(first, { email: member.email, firstName: 'Lotte', secret }, server.deps.clock.now())
  const dialog = first.getByRole('dialog', { name: 'Cookies op Jouw Bot' })
  await dialog.getByRole('button', { name: 'Alles accepteren' }).click()
  await dialog.waitFor({ state: 'detached' })
  const accountChoices = await server.deps.db.select().from(consentRecords).where(eq(consentRecords.userId, row!.id))
  expect(accountChoices.map((r) => [r.purpose, r.granted, r.channel])).toEqual([['statistics', true, 'banner']])

  // A new statement is published after the member joined: a notice on the next visit, until closed.
  ;(server.deps.clock as TestClock).advance(MINUTE)
  await publishPolicyVersion(server.deps, {
    publishedBy: null,
    notify: true,
    text: {
      titleNl: 'Privacyverklaring',
      titleEn: 'Privacy statement',
      bodyNl: 'Een nieuwe versie van de verklaring, lang genoeg voor de controle op lengte.',
      bodyEn: 'A new version of the statement, long enough for the length check here.',
      changesNl: ['We noemen een nieuwe verwerker.'],
      changesEn: ['We name a new processor.'],
    },
  })

  // Second device, same account: no cookie question (the account has the answer), but the notice.
  const second = await browser.newDevice()
  await logInStaff(second, { email: member.email, firstName: 'Lotte', secret }, server.deps.clock.now())
  const notice = second.getByTestId('policy-notice')
  await notice.getByText('We noemen een nieuwe verwerker.').waitFor()
  // The question this new browser showed its visitor before the log-in goes away by itself once the
  // account's answer has loaded (it can still be on screen when the notice appears).
  await second.getByRole('dialog', { name: 'Cookies op Jouw Bot' }).waitFor({ state: 'detached' })
  expect((await second.context().cookies()).map((c) => c.name)).toContain('jb_stats')
  await notice.getByRole('button', { name: 'Gelezen' }).click()
  await notice.waitFor({ state: 'detached' })
  await second.reload()
  await second.getByRole('heading', { name: 'Hoi Lotte!' }).waitFor()
  await second.waitForLoadState('networkidle')
  expect(await second.getByTestId('policy-notice').count()).toBe(0)

  // The admin page: a dry run appears in the run log.
  await second.goto('/admin/privacy')
  await second.getByRole('heading', { level: 1, name: 'Privacy: bewaartermijnen' }).waitFor()
  await second.getByText('Nog geen runs.').waitFor()
  await second.getByRole('button', { name: 'Proefrun (verwijdert niets)' }).click()
  const runs = second.getByRole('table', { name: 'Runs' })
  await runs.getByText('admin (proefrun)').first().waitFor()
  expect(await runs.getByRole('row').count()).toBeGreaterThan(5)
  expect(browser.pageErrors).toEqual([])
  expect(browser.cspViolations).toEqual([])
})

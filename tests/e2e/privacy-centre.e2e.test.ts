/**
 * The privacy centre in a real browser: a member objects to the newsletter, downloads their data
 * (the archive is built by the export job, run here directly) and asks to delete the account.
 */
import { unzipSync } from 'fflate'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildPendingDataExports } from '@jouwbot/api/privacy'
import { accountErasures, eq, users } from '@jouwbot/db'
import { createMember, PASSWORD } from '../helpers/accounts.ts'
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

/** The cookie dialog (when shown) is answered with "reject", as equal a choice as "accept". */
async function rejectCookies(page: Page) {
  const reject = page.getByRole('button', { name: 'Alles weigeren' })
  if (await reject.isVisible().catch(() => false)) await reject.click()
}

test('a member withdraws the newsletter, downloads their data and asks to delete the account', async () => {
  const member = await createMember(server.deps, { firstName: 'Noor' })
  await server.deps.db.update(users).set({ newsletterConsentAt: server.deps.clock.now() }).where(eq(users.email, member.email))

  const page = await browser.newDevice()
  await page.goto('/login')
  await rejectCookies(page)
  await page.getByLabel('E-mailadres').fill(member.email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('heading', { name: 'Hoi Noor!' }).waitFor()
  await page.goto('/account/privacy')
  await page.getByRole('heading', { level: 1, name: 'Privacycentrum' }).waitFor()

  // Objection: immediate, and listed under "Mijn verzoeken".
  await page.getByRole('button', { name: 'Geen nieuwsbrief meer' }).click()
  await page.getByText('Je krijgt geen nieuwsbrief meer.').waitFor()
  await page.getByRole('rowheader', { name: 'Bezwaar tegen de nieuwsbrief' }).waitFor()
  expect((await server.deps.db.select().from(users).where(eq(users.email, member.email)))[0]!.newsletterConsentAt).toBeNull()

  // Download: the job builds the archive, the page shows it is ready (it polls while waiting).
  await page.getByRole('button', { name: 'Download aanvragen' }).click()
  await page.getByText(/in de wachtrij|wordt gemaakt/).first().waitFor()
  expect(await buildPendingDataExports(server.deps)).toEqual({ built: 1, failed: 0 })
  const downloadButton = page.getByRole('button', { name: 'Downloaden' })
  await downloadButton.waitFor({ timeout: 15_000 })
  const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()])
  const archive = unzipSync(new Uint8Array(await readFile((await download.path())!)))
  expect(Object.keys(archive)).toEqual(expect.arrayContaining(['overzicht.html', 'data/identity.json', 'data/contact.json']))
  expect(new TextDecoder().decode(archive['data/identity.json'])).toContain('Noor')

  // Delete: the list of what goes and what stays, a confirmation, then the grace period.
  await page.getByRole('heading', { name: 'Wat we moeten bewaren' }).waitFor()
  const submit = page.getByRole('button', { name: 'Mijn account verwijderen' })
  expect(await submit.isDisabled()).toBe(true)
  await page.getByLabel(/Ik begrijp dat mijn account na 14 dagen/).check()
  await submit.click()
  await page.getByText('Je account wordt verwijderd').waitFor()
  const [row] = await server.deps.db.select().from(accountErasures)
  expect(row).toMatchObject({ status: 'scheduled' })
})

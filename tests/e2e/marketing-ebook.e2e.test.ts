/**
 * The road from visitor to reader in a real browser: a visitor asks for the free e-book, confirms from
 * the dev mailbox and downloads the PDF; an admin writes and sends a newsletter and finds it in the
 * public archive.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { sendDueNewsletters } from '@jouwbot/api/marketing'
import { eq, mailOutbox, newsletters, newsletterSubscribers } from '@jouwbot/db'
import { createMember, makeStaff, uniqueEmail } from '../helpers/accounts.ts'
import { logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
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

async function rejectCookies(page: Page) {
  const reject = page.getByRole('button', { name: 'Alles weigeren' })
  if (await reject.isVisible().catch(() => false)) await reject.click()
}

test('a visitor asks for the e-book, confirms from the dev mailbox and downloads the PDF', async () => {
  const email = uniqueEmail('lezer')
  const page = await browser.newDevice()
  await page.goto('/stappenplan')
  await rejectCookies(page)
  await page.getByRole('heading', { level: 1, name: 'Je eerste Messenger-chatbot in 5 minuten' }).waitFor()
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Voornaam (niet verplicht)').fill('Lotte')
  // The newsletter box is separate and starts unticked.
  expect(await page.getByLabel('Stuur me ook de nieuwsbrief').isChecked()).toBe(false)
  await page.getByRole('button', { name: 'Stuur me het stappenplan' }).click()
  await page.getByRole('heading', { name: 'Kijk in je mailbox' }).waitFor()

  await page.goto('/dev/mailbox')
  await page.getByRole('button', { name: new RegExp(email.replace(/[.+]/g, '\\$&')) }).first().click()
  await page.getByRole('link', { name: /\/stappenplan\/bevestigen\?token=/ }).click()
  await page.getByRole('heading', { name: 'Bevestigd!' }).waitFor()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download het stappenplan (pdf)' }).click()])
  expect(download.suggestedFilename()).toBe('jouwbot-stappenplan.pdf')
  const bytes = await readFile((await download.path())!)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(bytes.length).toBeGreaterThan(5_000)
  // Nobody was put on the newsletter list.
  expect(await server.deps.db.$count(newsletterSubscribers)).toBe(0)
})

test('an admin writes a newsletter, sends it, follows the progress and finds it in the archive', async () => {
  const reader = uniqueEmail('abonnee')
  await server.deps.db.insert(newsletterSubscribers).values({
    email: reader,
    source: 'form',
    status: 'confirmed',
    consentTextVersion: 'newsletter-box-v1',
    unsubscribeToken: `e2e-${Date.now()}-token-abcdefghijklmnop`,
    confirmedAt: new Date(),
  })
  const admin = await createMember(server.deps, { firstName: 'Robin' })
  const { secret } = await makeStaff(server.deps, admin, 'admin')

  const page = await browser.newDevice()
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto('/')
  await rejectCookies(page)
  await logInStaff(page, { email: admin.email, firstName: 'Robin', secret }, server.deps.clock.now())
  await page.goto('/admin/nieuwsbrieven')
  await page.getByRole('heading', { level: 1, name: 'Nieuwsbrieven' }).waitFor()
  await page.getByLabel('Onderwerp').fill('Vijf tips voor je bot')
  await page.getByLabel('Tekst (markdown)').fill('# Vijf tips\n\nHoud je berichten **kort**.')
  // The live preview renders the markdown (sanitised by the server).
  await page.locator('.newsletter-admin__preview strong', { hasText: 'kort' }).waitFor()
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await page.getByText('Opgeslagen.').waitFor()
  await page.getByRole('button', { name: 'Nu versturen' }).click()
  await page.getByText(/Het versturen begint binnen een minuut/).waitFor()

  // The job's run (every minute in the app) is done here directly.
  expect(await sendDueNewsletters(server.deps)).toMatchObject({ started: 1, queued: 1, finished: 1 })
  await page.getByRole('cell', { name: 'Verstuurd' }).waitFor({ timeout: 15_000 })
  const mails = await server.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, reader))
  expect(mails).toHaveLength(1)
  const [sent] = await server.deps.db.select().from(newsletters)

  await page.goto('/nieuwsbrief')
  await page.getByRole('link', { name: 'Vijf tips voor je bot' }).click()
  await page.getByRole('heading', { level: 1, name: 'Vijf tips voor je bot' }).waitFor()
  expect(new URL(page.url()).pathname).toBe(`/nieuwsbrief/${sent!.slug}`)
  await page.locator('.newsletter-issue strong', { hasText: 'kort' }).waitFor()
})

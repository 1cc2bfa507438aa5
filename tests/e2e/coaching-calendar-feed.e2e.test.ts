/**
 * The private calendar feed link on /coaching (issue 10 §4): a member makes the link, copies it,
 * a calendar app (plain fetch, no cookie) gets the feed; "Nieuwe link maken" stops the old link at
 * once and "Link intrekken" the new one.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createMember, PASSWORD } from '../helpers/accounts.ts'
import { openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer()
  browser = await openBrowser(server.url)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('make, copy, renew and revoke the calendar link', async () => {
  const member = await createMember(server.deps, { firstName: 'Mila' })
  const page = await browser.newDevice()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(member.email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('heading', { name: 'Hoi Mila!' }).waitFor()

  await page.goto('/coaching')
  await page.getByRole('heading', { name: 'Je sessies in je eigen agenda' }).waitFor()
  await page.getByText('Je hebt nog geen agendalink.').waitFor()
  await page.getByRole('button', { name: 'Agendalink maken' }).click()
  const field = page.getByLabel('Je nieuwe agendalink')
  await field.waitFor()
  const first = await field.inputValue()
  expect(first).toMatch(new RegExp(`^${server.url}/coaching/agenda/[a-z2-7]{26}\\.[a-z2-7]{52}\\.ics$`))
  expect(await page.getByRole('link', { name: 'Abonneren in je agenda-app' }).getAttribute('href')).toBe(first.replace(/^http:/, 'webcal:'))
  await page.getByText(/Je agendalink is actief sinds/).waitFor()

  await page.getByRole('button', { name: 'Link kopiëren' }).click()
  await page.getByText('Gekopieerd.').waitFor()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first)

  const feed = await fetch(first)
  expect(feed.status).toBe(200)
  expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
  expect(await feed.text()).toContain('BEGIN:VCALENDAR')

  // A new link: the confirm dialog is accepted; the old link stops at once.
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Nieuwe link maken' }).click()
  await expect.poll(() => field.inputValue()).not.toBe(first)
  const second = await field.inputValue()
  expect((await fetch(first)).status).toBe(404)
  expect((await fetch(second)).status).toBe(200)

  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Link intrekken' }).click()
  await page.getByText('Je agendalink is ingetrokken.').waitFor()
  await page.getByText('Je hebt nog geen agendalink.').waitFor()
  expect(await field.count()).toBe(0)
  expect((await fetch(second)).status).toBe(404)
  expect(browser.pageErrors).toEqual([])
  expect(browser.cspViolations).toEqual([])
})

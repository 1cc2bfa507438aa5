/**
 * Admin course content in a real browser against the real server (API + built client, in-memory
 * database with the seeded Premium Cursus, upload route mounted).
 *
 * An admin creates a lesson in the first module, renames it, uploads intro.mp4 through the file input
 * (progress bar to 100 %, duration 40 sec shown), publishes it; the public outline then lists it.
 */
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { mediaDir } from '@jouwbot/course-content'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const COURSE = 'premium-cursus'
const INTRO = path.join(mediaDir, 'videos', 'intro.mp4') // 40 s

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer({ seedCourse: true })
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('an admin adds a lesson with a video, publishes it, and the outline shows it', async () => {
  const admin = await createMember(server.deps, { firstName: 'Anouk' })
  const { secret } = await makeStaff(server.deps, admin)

  const page = await browser.newDevice()
  await logInStaff(page, { email: admin.email, firstName: 'Anouk', secret }, server.deps.clock.now())

  // Header "Beheer" → /admin (opens on the statistics) → Cursussen.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click()
  await page.getByRole('heading', { level: 1, name: 'Statistieken' }).waitFor()
  await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Cursussen' }).click()
  await page.getByRole('heading', { level: 1, name: 'Cursussen beheren' }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/admin/cursussen')
  await page.getByRole('link', { name: 'Premium Cursus' }).click()
  await page.getByRole('heading', { name: 'Modules en lessen' }).waitFor()

  // A new lesson in the first module.
  const firstModule = page.locator('.admin-module').first()
  await firstModule.getByRole('button', { name: /^Les toevoegen/ }).click()
  await firstModule.getByLabel('Titel van de les').fill('Nieuwe les over prompts')
  expect(await firstModule.getByLabel('Slug (webadres)').inputValue()).toBe('nieuwe-les-over-prompts')
  await firstModule.getByRole('button', { name: 'Les aanmaken' }).click()
  await page.getByRole('heading', { level: 1, name: 'Nieuwe les over prompts' }).waitFor()
  expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/admin/cursussen/${COURSE}/les/[0-9a-f-]{36}$`))

  // Rename it.
  await page.getByLabel('Titel van de les').fill('Prompts die werken')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await page.getByText('Opgeslagen.').waitFor()
  await page.getByRole('heading', { level: 1, name: 'Prompts die werken' }).waitFor()

  // Upload the video: progress to 100 %, then the stored key and the duration (40 sec).
  await page.getByLabel('Videobestand (MP4)').setInputFiles(INTRO)
  await page.getByRole('button', { name: 'Video uploaden' }).click()
  const progress = page.getByRole('progressbar', { name: 'Uploadvoortgang video' })
  await progress.waitFor()
  await page.getByText('100% – upload voltooid').waitFor({ timeout: 30_000 })
  expect(await progress.getAttribute('value')).toBe('100')
  await page.locator('.admin-facts').getByText('40 sec').waitFor()
  await page.locator('.admin-facts__key').getByText(/^courses\/premium-cursus\/uploads\/.+\.mp4$/).waitFor()
  expect(await page.getByLabel('Duur in seconden').inputValue()).toBe('40')

  // Publish it.
  await page.getByRole('button', { name: 'Publiceren Prompts die werken' }).click()
  await page.getByRole('button', { name: 'Offline halen Prompts die werken' }).waitFor()

  // The public outline lists it.
  await page.goto(`/cursus/${COURSE}`)
  await page.getByText('Prompts die werken').first().waitFor()

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

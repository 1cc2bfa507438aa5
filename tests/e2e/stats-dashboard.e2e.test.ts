/**
 * The statistics in a real browser: a visitor's page views reach the server (the SPA's beacon; the
 * server-rendered blog is counted by the server itself), no cookie is set, the roll-up job counts them, and an admin with 2FA reads them, and the
 * funnel with its conversion rates, on /admin/statistieken.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { recordStatEvent, rollUpStats, statisticsPolicyText } from '@jouwbot/api/marketing-stats'
import { publishPolicyVersion, seedPrivacyPolicy } from '@jouwbot/api/privacy'
import { asc, blogPosts, statEvents } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer()
  // The statement in force announces counting without consent (the visitor never opens the cookie dialog).
  await seedPrivacyPolicy(server.deps)
  await publishPolicyVersion(server.deps, { text: statisticsPolicyText, publishedBy: null, notify: false })
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

// Headless Chromium says "HeadlessChrome" and is skipped as a bot, as it should be: the visitor
// here presents itself as the desktop browser it stands in for.
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36'

async function waitForPageViews(count: number): Promise<{ path: string | null; referrerHost: string | null }[]> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const rows = await server.deps.db
      .select({ path: statEvents.path, referrerHost: statEvents.referrerHost, name: statEvents.name })
      .from(statEvents)
      .orderBy(asc(statEvents.id))
    const views = rows.filter((r) => r.name === 'pageview').map(({ path, referrerHost }) => ({ path, referrerHost }))
    if (views.length >= count) return views
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`fewer than ${count} page views arrived`)
}

test('page views from the browser show on the dashboard with the funnel', async () => {
  const admin = await createMember(server.deps, { firstName: 'Fenna' })
  const { secret } = await makeStaff(server.deps, admin)
  await server.deps.db.delete(statEvents) // the admin's own sign-up: the scenario starts from nothing

  // The blog is server-rendered without a script: the server counts that view itself.
  await server.deps.db.insert(blogPosts).values({ slug: 'eerste-chatbot', title: 'Je eerste chatbot', status: 'published', publishAt: new Date(server.deps.clock.now().getTime() - 60_000) })
  const visitor = await browser.newDevice({ userAgent: DESKTOP })
  await visitor.goto('/blog/eerste-chatbot', { referer: 'https://www.google.com/' })
  await visitor.waitForLoadState('networkidle')
  await visitor.goto('/')
  await visitor.getByRole('heading', { level: 1 }).first().waitFor()
  await visitor.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Prijzen' }).first().click()
  await visitor.waitForURL(/\/prijzen$/)
  const views = await waitForPageViews(3)
  expect(views).toEqual([
    { path: '/blog/eerste-chatbot', referrerHost: 'google.com' },
    { path: '/', referrerHost: null },
    { path: '/prijzen', referrerHost: null },
  ])
  // Counting set nothing in the browser.
  expect(await visitor.context().cookies()).toEqual([])

  // The rest of the road (the e-book service is wired by the merger; sign-up and payment by their services).
  await recordStatEvent(server.deps, { name: 'ebook_requested' })
  await recordStatEvent(server.deps, { name: 'ebook_confirmed' })
  await createMember(server.deps)
  await rollUpStats(server.deps)

  const page = await browser.newDevice()
  await logInStaff(page, { email: admin.email, firstName: 'Fenna', secret }, server.deps.clock.now())
  await page.goto('/admin')
  await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Statistieken' }).click()
  await page.getByRole('heading', { level: 1, name: 'Statistieken' }).waitFor()

  const totals = page.locator('.stats-totals')
  await totals.getByText('Paginaweergaven').waitFor()
  expect(await totals.locator('div', { hasText: 'Paginaweergaven' }).locator('dd').textContent()).toBe('3')
  expect(await totals.locator('div', { hasText: 'Bezoekers' }).locator('dd').textContent()).toBe('1')

  const topPages = page.getByRole('table', { name: 'Meest bekeken pagina’s' })
  for (const path of ['/blog/eerste-chatbot', '/', '/prijzen']) await topPages.getByRole('rowheader', { name: path, exact: true }).waitFor()
  await page.getByRole('table', { name: 'Verwijzende sites' }).getByRole('rowheader', { name: 'google.com' }).waitFor()

  const funnel = page.getByRole('table', { name: 'Van lezer tot koper' })
  const cells = async (step: string) => (await funnel.getByRole('row', { name: new RegExp(`^${step}`) }).getByRole('cell').allTextContents()).map((c) => c.trim())
  expect(await cells('Blog gelezen')).toEqual(['1', '–', '–'])
  expect(await cells('E-book aangevraagd')).toEqual(['1', '100%', '100%'])
  expect(await cells('E-book bevestigd')).toEqual(['1', '100%', '100%'])
  expect(await cells('Account gemaakt')).toEqual(['1', '100%', '100%'])
  expect(await cells('Gekocht')).toEqual(['0', '0%', '0%'])

  // The chart is drawn, and its numbers are there as a table too.
  await page.locator('.stats-chart__canvas canvas').first().waitFor()
  await page.getByText('Toon als tabel').first().click()
  await page.getByRole('table', { name: 'Bezoekers en paginaweergaven' }).waitFor()
  await page.getByText('Nog geen abonnees in deze periode').waitFor()

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

/**
 * The site as a whole (issue 13): real 404s still show the SPA's 404 design, the header fits the
 * screen at every width for an admin (the longest nav), the admin orders table reads on a phone, and an
 * admin list's "load more" (LoadMore) works from the keyboard.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedShop } from '@jouwbot/api/checkout'
import { sql } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startBuying } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer({ seedCourse: true, payments: true })
  await seedShop(server.deps, 'premium-cursus')
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** How far the page and the header reach past the right edge of the window (0 when they fit). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const inner = document.querySelector('.site-header__inner')!
    const right = Math.max(...[...inner.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right).filter((r) => r > 0))
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      header: Math.max(0, Math.ceil(right - document.documentElement.clientWidth)),
    }
  })

test('an unknown address answers 404 and the SPA shows its 404 page', async () => {
  const page = await browser.newDevice()
  const response = await page.goto('/deze-pagina-bestaat-niet')
  expect(response?.status()).toBe(404)
  await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor()
  const known = await page.goto('/prijzen')
  expect(known?.status()).toBe(200)
  await page.getByRole('heading', { level: 1, name: 'Kies je pakket' }).waitFor()
  expect(browser.pageErrors).toEqual([])
})

test('a page opened by its address starts at the top, however far the last page was scrolled; back returns to where the reader was', async () => {
  const page = await browser.newDevice()
  await page.setViewportSize({ width: 1280, height: 480 })
  const ready = () => page.locator('html[data-app="ready"]').waitFor({ state: 'attached' })
  const scrollY = () => page.evaluate(() => Math.round(window.scrollY))
  await page.goto('/privacy')
  await ready()
  await page.getByRole('button', { name: 'Alles weigeren' }).click()
  // The whole statement, not its loading state.
  await page.waitForFunction(() => document.documentElement.scrollHeight > 3000)
  await page.evaluate(() => window.scrollTo({ top: 900, behavior: 'instant' }))
  expect(await scrollY()).toBe(900)

  // A full page load, as after typing an address: React Router's key for it is the same on every page.
  await page.goto('/prijzen')
  await ready()
  await page.getByRole('heading', { level: 1, name: 'Kies je pakket' }).waitFor()
  expect(await scrollY()).toBe(0)

  // Within the app, a new page starts at the top and going back restores the position.
  const footerLink = page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring' })
  await footerLink.scrollIntoViewIfNeeded()
  const readerWas = await scrollY()
  expect(readerWas).toBeGreaterThan(0)
  await footerLink.click()
  await page.waitForURL('**/privacy')
  // At once, not gliding up from where the last page was.
  await page.getByRole('heading', { level: 1 }).waitFor()
  expect(await scrollY()).toBe(0)
  await page.goBack()
  await page.waitForURL('**/prijzen')
  await page.waitForFunction((y) => Math.round(window.scrollY) === y, readerWas)

  // A reload of that page (opened by its address) keeps the position too.
  await page.reload()
  await ready()
  await page.getByRole('heading', { level: 1, name: 'Kies je pakket' }).waitFor()
  expect(await scrollY()).toBe(readerWas)
  expect(browser.pageErrors).toEqual([])
})

test('a visitor who scrolls before the page has started stays where they are when it starts', async () => {
  const page = await browser.newDevice()
  // The app's entry script waits until the visitor has scrolled the server-rendered page.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let held = 0
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    held += 1
    await released
    await route.continue()
  })
  await page.goto('/')
  await page.locator('footer address').waitFor()
  expect(await page.locator('html[data-app="ready"]').count()).toBe(0)
  await page.evaluate(() => window.scrollTo({ top: 1500, behavior: 'instant' }))
  release()
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' })
  expect(held).toBe(1)
  expect(await page.evaluate(() => Math.round(window.scrollY))).toBe(1500)
  expect(browser.pageErrors).toEqual([])
})

/** The width the whole row of the header needs (brand, links, language, account), measured unfolded. */
const rowWidth = (page: Page) =>
  page.evaluate(() => {
    const inner = document.querySelector<HTMLElement>('.site-header__inner')!
    const style = getComputedStyle(inner)
    const gap = parseFloat(style.columnGap) || 0
    const visible = [...inner.children].filter((el) => getComputedStyle(el).display !== 'none')
    const menu = inner.querySelector<HTMLElement>('.site-menu')!
    const menuGap = parseFloat(getComputedStyle(menu).columnGap) || 0
    const menuWidth = [...menu.children].reduce((sum, el) => sum + el.scrollWidth, 0) + menuGap * (menu.children.length - 1)
    const others = visible.filter((el) => el !== menu).reduce((sum, el) => sum + el.getBoundingClientRect().width, 0)
    return Math.ceil(others + menuWidth + gap * (visible.length - 1) + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight))
  })

for (const role of ['admin', 'coach'] as const) {
  test(`the header of ${role === 'admin' ? 'an admin' : 'a coach'} fits the window at every width, the links stay reachable`, async () => {
    const firstName = role === 'admin' ? 'Anouk' : 'Robin'
    const staff = await createMember(server.deps, { firstName })
    const { secret } = await makeStaff(server.deps, staff, role)
    const page = await browser.newDevice()
    await page.setViewportSize({ width: 1600, height: 900 })
    await logInStaff(page, { email: staff.email, firstName, secret }, server.deps.clock.now())
    const staffLink = { nl: role === 'admin' ? 'Beheer' : 'Mijn coaching', en: role === 'admin' ? 'Admin' : 'My coaching' }
    for (const lang of ['nl', 'en'] as const) {
      if (lang === 'en') {
        await page.setViewportSize({ width: 1600, height: 900 })
        await page.getByRole('button', { name: 'English', exact: true }).click()
        await page.getByRole('banner').getByRole('link', { name: 'Pricing', exact: true }).first().waitFor()
      }
      const needed = await rowWidth(page)
      for (const width of [1440, 1366, 1280, 1200, 1100, 1024, 900, 768, 390, 360]) {
        await page.setViewportSize({ width, height: 900 })
        await expect.poll(() => overflow(page), { timeout: 10_000, message: `${lang} at ${width} px` }).toEqual({ page: 0, header: 0 })
        // The staff link is either in the row or one "Menu" tap away.
        const link = page.getByRole('banner').getByRole('link', { name: staffLink[lang], exact: true })
        // On a 1280 px screen and wider the whole Dutch row is shown (the e2e tests click its links there).
        if (lang === 'nl' && width >= 1280) expect(await link.isVisible(), `${width} px, the row needs ${needed} px`).toBe(true)
        if (!(await link.isVisible())) {
          const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' })
          await menu.click()
          await link.waitFor()
          await menu.click()
        }
        expect(await overflow(page), `${lang} at ${width} px, menu opened`).toEqual({ page: 0, header: 0 })
      }
    }
    expect(browser.pageErrors).toEqual([])
  })
}

test('the admin orders table reads on a phone: no clipping, whole e-mail addresses', async () => {
  const email = 'alexandra.van.der.heijden-bakker@voorbeeld-bedrijf.nl'
  const buyer = await createMember(server.deps, { firstName: 'Alexandra', email })
  const { paymentId } = await startBuying(buyer.client, 'premium-cursus')
  await server.payments!.emulator.setPaymentStatus(paymentId, 'paid')

  const admin = await createMember(server.deps, { firstName: 'Bas' })
  const { secret } = await makeStaff(server.deps, admin)
  const page = await browser.newDevice()
  await page.setViewportSize({ width: 390, height: 844 })
  await logInStaff(page, { email: admin.email, firstName: 'Bas', secret }, server.deps.clock.now())
  await page.goto('/admin/bestellingen')
  const table = page.getByRole('table', { name: 'Bestellingen' })
  const address = table.getByText(email, { exact: true })
  await address.waitFor()

  const measured = await page.evaluate((text) => {
    const wrap = document.querySelector('.table-wrap')!
    const span = [...document.querySelectorAll('.admin-orders-table__email')].find((el) => el.textContent === text)!
    const box = span.getBoundingClientRect()
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      clipped: wrap.scrollWidth - wrap.clientWidth,
      lines: span.getClientRects().length,
      right: box.right,
      viewport: window.innerWidth,
      lineHeight: parseFloat(getComputedStyle(span).lineHeight) || 24,
      height: box.height,
    }
  }, email)
  expect(measured.page).toBe(0)
  expect(measured.clipped).toBe(0)
  // 52 characters on a 390 px phone: at most two lines, never a letter column.
  expect(measured.lines).toBeLessThanOrEqual(2)
  expect(measured.right).toBeLessThanOrEqual(measured.viewport)
  // Every cell says which column it is.
  await table.getByText('Alexandra').first().waitFor()
  expect(browser.pageErrors).toEqual([])
})

test('"Meer laden" on an admin list: keyboard only, the count is announced, the focus stays at the end of the list', async () => {
  const buyer = await createMember(server.deps, { firstName: 'Lotte', email: 'meer.laden@voorbeeld.nl' })
  await startBuying(buyer.client, 'premium-cursus')
  // 29 more orders of the same buyer, so a search for her shows 25 and then 5 more.
  await server.deps.db.execute(sql`
    insert into orders (user_id, request_id, status, locale, total_excl_cents, total_vat_cents, total_cents, buyer_email, billing, mode, created_at, updated_at)
    select o.user_id, gen_random_uuid(), 'expired', 'nl', o.total_excl_cents, o.total_vat_cents, o.total_cents, o.buyer_email, o.billing, 'test',
      o.created_at - n * interval '1 hour', o.created_at - n * interval '1 hour'
    from orders o cross join generate_series(1, 29) as n where o.buyer_email = 'meer.laden@voorbeeld.nl'`)

  const admin = await createMember(server.deps, { firstName: 'Bas' })
  const { secret } = await makeStaff(server.deps, admin)
  const page = await browser.newDevice()
  await logInStaff(page, { email: admin.email, firstName: 'Bas', secret }, server.deps.clock.now())
  await page.goto('/admin/bestellingen')
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('MEER.LADEN@')
  await page.keyboard.press('Enter')
  const count = page.getByRole('status').filter({ hasText: 'getoond' })
  await expect.poll(() => count.textContent()).toBe('25 bestellingen getoond.')

  const more = page.getByRole('button', { name: 'Meer laden' })
  await more.focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => count.textContent()).toBe('30 bestellingen getoond.')
  // The last page: the button is gone, and the focus went to the count instead of the top of the page.
  expect(await more.count()).toBe(0)
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('30 bestellingen getoond.')
  expect(await page.locator('table tbody tr').count()).toBe(30)
  expect(browser.pageErrors).toEqual([])
})

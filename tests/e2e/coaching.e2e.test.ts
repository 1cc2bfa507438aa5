/**
 * Coaching end to end (issue 10 §6): a member buys course + coaching through the Mollie emulator,
 * books a slot with the keyboard, finds the confirmation with its calendar file in the dev mailbox,
 * reschedules through the mail's signed link without logging in (used once), and the coach sees the
 * moved session in their list.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedShop } from '@jouwbot/api/checkout'
import { coachProfiles, coachingAvailability, coachingBookings, coachingSessionTypes, eq } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { logIn, logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer({ seedCourse: true, payments: true })
  await seedShop(server.deps, 'premium-cursus')
  browser = await openBrowser(server.url)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const amsterdamTime = (date: Date) => new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(date)

test('buy course + coaching, book a slot, get the .ics mail, reschedule through the mail link; the coach sees it', async () => {
  // --- A coach with 2FA, every day 09:00–18:00 Amsterdam time, one 60-minute session type. ---
  const coachAccount = await createMember(server.deps, { firstName: 'Robin', email: 'robin.coach@example.nl' })
  const { id: coachId, secret } = await makeStaff(server.deps, coachAccount, 'coach')
  await server.deps.db.insert(coachProfiles).values({ userId: coachId, displayName: 'Robin Coach', bioNl: 'Ik help je verder met je eerste bot.', locationKind: 'video', locationDetail: 'https://meet.example/robin' })
  await server.deps.db.insert(coachingAvailability).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ coachId, weekday, startMinute: 540, endMinute: 1080 })))
  await server.deps.db.insert(coachingSessionTypes).values({ coachId, title: 'Vastgelopen in een les', durationMinutes: 60, credits: 1 })

  // --- The member buys "Premium Cursus + 3 coachingsessies". ---
  const member = await createMember(server.deps, { firstName: 'Mila', email: 'mila@example.nl' })
  const page = await browser.newDevice()
  await logIn(page, member.email, 'Mila')
  await page.goto('/afrekenen/premium-cursus-coaching')
  await page.getByRole('heading', { level: 1, name: 'Je bestelling afronden' }).waitFor()
  await page.getByLabel('Adres').fill('Sterrenlaan 1')
  await page.getByLabel('Postcode').fill('2402 BD')
  await page.getByLabel('Plaats').fill('Alphen aan den Rijn')
  await page.getByRole('checkbox', { name: /Ik ga akkoord met de algemene voorwaarden/ }).check()
  await page.getByRole('checkbox', { name: /Ik wil direct toegang tot de cursus/ }).check()
  await page.getByRole('button', { name: 'Betalen met Mollie' }).click()
  await page.waitForURL(/\/_mollie\/checkout\/tr_\w+$/)
  await page.getByLabel('Betaald').check()
  await page.getByRole('button', { name: 'Doorgaan' }).click()
  await page.waitForURL(/\/bestelling\/[0-9a-f-]{36}$/)
  await page.getByRole('heading', { name: 'Betaald – bedankt voor je bestelling!' }).waitFor()

  // --- Coaching: three credits; the coach's page; a slot picked with the keyboard. ---
  await page.getByRole('banner').getByRole('link', { name: 'Coaching', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Coaching' }).waitFor()
  await page.getByText('Je hebt 3 sessies tegoed.').waitFor()
  await page.getByRole('link', { name: 'Robin Coach' }).click()
  await page.getByRole('heading', { level: 1, name: 'Robin Coach' }).waitFor()
  const slots = page.getByRole('group', { name: 'Kies een moment' })
  await slots.waitFor()
  // One slot button is in the tab order.
  expect(await slots.locator('button[tabindex="0"]').count()).toBe(1)
  // Arrow down moves to the next time of the same day. With 24 hours' notice the first day can
  // hold a single time (opened between 16:00 and 17:00), and on a Saturday that day is Sunday, alone
  // in its week: start from the first time that has a next one, in the next week if need be.
  const withNext = slots.locator('li:not(:last-child) > button')
  if ((await withNext.count()) === 0) await page.getByRole('button', { name: 'Volgende week' }).click()
  const from = withNext.first()
  const next = from.locator('xpath=../following-sibling::li[1]/button')
  const nextLabel = await next.getAttribute('aria-label')
  expect(nextLabel).toBeTruthy()
  await from.focus()
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(nextLabel)
  // The roving tab stop followed the focus.
  const tabStop = slots.locator('button[tabindex="0"]')
  expect(await tabStop.count()).toBe(1)
  expect(await tabStop.getAttribute('aria-label')).toBe(nextLabel)
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Controleer en bevestig' }).waitFor()
  await page.getByLabel('Waar wil je het over hebben?').fill('Les 3: de gespreksflow')
  // Bought today, booked within 14 days: the express start is asked for.
  await page.getByRole('checkbox', { name: /binnen de bedenktijd van 14 dagen begint/ }).check()
  await page.getByRole('button', { name: 'Sessie boeken' }).click()
  await page.waitForURL(/\/coaching\/sessies\/[0-9a-f-]{36}\?geboekt=1$/)
  await page.getByText('Je sessie is geboekt').waitFor()
  const bookingId = new URL(page.url()).pathname.split('/').at(-1)!
  const [booked] = await server.deps.db.select().from(coachingBookings).where(eq(coachingBookings.id, bookingId))
  expect(booked).toMatchObject({ status: 'booked', topic: 'Les 3: de gespreksflow', rescheduleCount: 0 })

  // --- The dev mailbox, on another device (not logged in): the confirmation carries the calendar file. ---
  const inbox = await browser.newDevice()
  await inbox.goto('/dev/mailbox')
  await inbox.getByRole('button', { name: /mila@example\.nl.*Bevestigd: Vastgelopen in een les|Bevestigd: Vastgelopen in een les.*mila@example\.nl/s }).first().click()
  await inbox.getByRole('heading', { level: 2, name: /^Bevestigd: Vastgelopen in een les/ }).waitFor()
  await inbox.getByText('coaching.ics (text/calendar)').click()
  const ics = await inbox.locator('.mail-view__attachment').innerText()
  expect(ics).toContain('BEGIN:VCALENDAR')
  expect(ics).toContain('METHOD:REQUEST')
  expect(ics).toContain(`UID:coaching-${bookingId}@`)

  // --- The mail's signed link opens the session without logging in; it is moved to another time. ---
  await inbox.getByRole('link', { name: new RegExp(`/coaching/link/${bookingId}\\.0\\.[A-Za-z0-9_-]{22}$`) }).click()
  await inbox.waitForURL(new RegExp(`/coaching/link/${bookingId}\\.0\\.`))
  const linkUrl = inbox.url()
  await inbox.getByRole('heading', { level: 1, name: 'Vastgelopen in een les' }).waitFor()
  await inbox.getByRole('button', { name: 'Verzetten', exact: true }).click()
  const picker = inbox.getByRole('group', { name: 'Kies een moment' })
  await picker.waitFor()
  // The session's own time is offered too (moving it there changes nothing, and leaves the link unused).
  // The first time offered is never it: a time before it was offered when it was booked. (The last one
  // was it when booked on a Saturday between 15:00 and 16:00 Amsterdam time: Sunday's last two times
  // alone in their week, the later one booked.) This page shows times in another zone than the member's
  // page (Amsterdam here, the browser's there), so labels are not compared across the two.
  const other = picker.getByRole('button').first()
  const newLabel = (await other.getAttribute('aria-label'))!
  await other.click()
  await inbox.getByRole('button', { name: `Verzetten naar ${newLabel}` }).click()
  await inbox.getByText(/^Verzet naar /).waitFor()
  await inbox.getByText('Deze link is nu gebruikt.', { exact: false }).waitFor()
  // Used once: opening it again says so.
  await inbox.goto(linkUrl)
  await inbox.getByText(/Deze link werkt niet \(meer\)/).waitFor()
  const [moved] = await server.deps.db.select().from(coachingBookings).where(eq(coachingBookings.id, bookingId))
  expect(moved).toMatchObject({ status: 'booked', rescheduleCount: 1, sequence: 1 })
  expect(moved!.startsAt.getTime()).not.toBe(booked!.startsAt.getTime())

  // --- The coach logs in (2FA), follows "Mijn coaching" and sees the moved session. ---
  const desk = await browser.newDevice()
  await logInStaff(desk, { email: coachAccount.email, firstName: 'Robin', secret }, server.deps.clock.now())
  await desk.getByRole('banner').getByRole('link', { name: 'Mijn coaching' }).click()
  await desk.getByRole('heading', { level: 1, name: 'Mijn sessies als coach' }).waitFor()
  const session = desk.locator('.coach-session')
  await session.first().waitFor() // the list loads after the heading
  expect(await session.count()).toBe(1)
  await session.getByText('Mila de Vries').waitFor()
  await session.getByText('Les 3: de gespreksflow').waitFor()
  expect(await session.getByRole('heading').innerText()).toContain(amsterdamTime(moved!.startsAt))

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
}, 180_000)

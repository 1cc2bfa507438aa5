/**
 * The staff side of privacy in a real browser: an admin without 2FA is sent to set it up; with 2FA
 * the admin answers a restriction request from the queue and completes the quarterly review.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { eq, privacyRequests, staffReviews, users } from '@jouwbot/db'
import { createMember, makeStaff, PASSWORD } from '../helpers/accounts.ts'
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

test('an admin without 2FA is led to set it up before any admin page', async () => {
  const admin = await createMember(server.deps, { firstName: 'Ilse' })
  await server.deps.db.update(users).set({ role: 'admin' }).where(eq(users.email, admin.email))
  const page = await browser.newDevice()
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(admin.email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('heading', { name: 'Hoi Ilse!' }).waitFor()
  await page.goto('/admin/autorisaties')
  await page.getByRole('heading', { level: 1, name: 'Eerst tweestapsverificatie aanzetten' }).waitFor()
  await page.getByRole('link', { name: 'Tweestapsverificatie aanzetten' }).click()
  await page.waitForURL(/\/account#twoFactor$/)
})

test('an admin answers a restriction request and completes the quarterly review', async () => {
  const member = await createMember(server.deps, { firstName: 'Lotte' })
  await (await member.client.api()).privacy.requestRestriction({ message: 'Mijn adres klopt niet.' })
  const admin = await createMember(server.deps, { firstName: 'Joris' })
  const { secret } = await makeStaff(server.deps, admin)
  const page = await browser.newDevice()
  await logInStaff(page, { email: admin.email, firstName: 'Joris', secret }, server.deps.clock.now())

  await page.goto('/admin/privacyverzoeken')
  await page.getByRole('heading', { level: 1, name: 'Privacyverzoeken' }).waitFor()
  await page.getByText('Mijn adres klopt niet.').waitFor()
  await page.getByLabel('Antwoord aan het lid').fill('Beperkt tot je adres is gecorrigeerd.')
  await page.getByRole('button', { name: 'Toekennen' }).click()
  await page.getByText('Er staan geen verzoeken open.').waitFor()
  const [request] = await server.deps.db.select().from(privacyRequests)
  expect(request).toMatchObject({ status: 'granted', outcome: 'Beperkt tot je adres is gecorrigeerd.' })

  await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Autorisaties' }).click()
  await page.getByRole('heading', { level: 1, name: 'Autorisaties' }).waitFor()
  const row = page.getByRole('row', { name: new RegExp(admin.email.replace(/[.+]/g, '\\$&')) })
  await row.getByText('aan', { exact: true }).waitFor()
  await page.getByText('Nog nooit gecontroleerd.', { exact: false }).waitFor()
  await page.getByRole('button', { name: 'Controle afgerond' }).click()
  await page.getByText(/Laatst gecontroleerd op/).waitFor()
  expect(await server.deps.db.select().from(staffReviews)).toHaveLength(1)
})

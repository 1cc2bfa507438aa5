/**
 * The account journey in a real browser against the real server (API + built client, in-memory
 * database, dev mailbox): sign up → confirm via /dev/mailbox → log in → turn on 2FA in /account
 * (through the "confirm your password" dialog) → log out → log in with a recovery code on a second
 * device and with password + TOTP on the first → end the other session from the sessions table.
 *
 * The test server's clock is a TestClock that only moves when the test moves it, so TOTP codes are
 * computed for the server's time step, not for the wall clock.
 */
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { TestClock } from '../helpers/clock.ts'
import { openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const PASSWORD = 'paarse-olifant-danst-2026'

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

/** A fresh browser (own cookies and localStorage), like a second device. */
const newDevice = () => browser.newDevice()

function clock(): TestClock {
  return server.deps.clock as TestClock
}

/** The code an authenticator app shows for the server's current time step. */
function totpNow(secret: string): string {
  const step = Math.floor(clock().now().getTime() / 30_000)
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6)
}

async function logInWithPassword(page: Page, email: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
}

test('sign up, confirm, turn on 2FA, log in with it and end another session', async () => {
  const email = `e2e-${Date.now()}@example.nl`
  const page = await newDevice()

  // Sign up. The newsletter box starts unticked and stays so.
  await page.goto('/signup')
  await page.getByLabel('Voornaam').fill('Anna')
  await page.getByLabel('Achternaam').fill('de Boer')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  expect(await page.getByLabel(/nieuwsbrief/).isChecked()).toBe(false)
  await page.getByRole('button', { name: 'Account maken' }).click()
  await page.getByRole('heading', { name: 'Check je mailbox om je account te bevestigen' }).waitFor()

  // Follow the confirmation link from the dev mailbox (rendered as text with clickable links).
  await page.goto('/dev/mailbox')
  await page.getByRole('button', { name: new RegExp(email.replace(/[.+]/g, '\\$&')) }).first().click()
  await page.getByRole('link', { name: /\/verify-email\?token=/ }).click()
  await page.getByRole('heading', { name: 'Je e-mailadres is bevestigd' }).waitFor()

  // Log in (no 2FA yet) and land on the account page.
  await page.getByRole('link', { name: 'Log in' }).click()
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('heading', { name: 'Hoi Anna!' }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/account')

  // Sudo mode from the login has run out: turning on 2FA asks for the password first.
  clock().advance(11 * 60_000)
  await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bevestig je wachtwoord' })
  await dialog.waitFor()
  await dialog.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await dialog.getByRole('button', { name: 'Bevestigen' }).click()
  await dialog.waitFor({ state: 'hidden' })

  // The setup (retried after the dialog) shows the QR code and the key for manual entry.
  const secretField = page.getByLabel('Geheime sleutel')
  await secretField.waitFor()
  const secret = await secretField.inputValue()
  expect(secret).toMatch(/^[A-Z2-7]+=*$/)
  expect(await page.getByRole('img', { name: /QR-code/ }).getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
  await page.getByLabel('Code uit je app').fill(totpNow(secret))
  await page.getByRole('button', { name: 'Aanzetten' }).click()

  // Recovery codes are shown once; "Klaar" only works after confirming they were saved.
  const codeList = page.getByRole('list', { name: 'Herstelcodes' })
  await codeList.waitFor()
  const recoveryCodes = (await codeList.getByRole('listitem').allTextContents()).map((code) => code.trim())
  expect(recoveryCodes).toHaveLength(10)
  const done = page.getByRole('button', { name: 'Klaar' })
  expect(await done.isDisabled()).toBe(true)
  await page.getByLabel('Ik heb mijn herstelcodes veilig bewaard').check()
  await done.click()
  await page.getByText('Tweestapsverificatie staat aan.').waitFor()

  // Log out. On a slow phone (CPU throttled 20×) rendering the home page takes long: the session
  // must still be dropped only once it shows, or the members-only page left behind sends to /login.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 })
  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click()
  await page.getByText('Je bent uitgelogd.').waitFor()
  expect(new URL(page.url()).pathname).toBe('/')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })

  // A second device logs in with the password and a recovery code.
  const other = await newDevice()
  await logInWithPassword(other, email)
  await other.getByRole('button', { name: 'Gebruik een herstelcode' }).click()
  await other.getByLabel('Herstelcode').fill(recoveryCodes[0]!)
  await other.getByRole('button', { name: 'Bevestigen' }).click()
  await other.getByRole('heading', { name: 'Hoi Anna!' }).waitFor()
  await other.getByText(`Je hebt er nog ${recoveryCodes.length - 1} over.`).waitFor()

  // Back on the first device: password, then a fresh code. The enabling code's time step is used
  // up (the server refuses a replayed step), so time moves on to the next step first.
  clock().advance(30_000)
  await logInWithPassword(page, email)
  const codeField = page.getByLabel('Code uit je app')
  await codeField.waitFor()
  await codeField.fill(totpNow(secret))
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await page.getByRole('heading', { name: 'Hoi Anna!' }).waitFor()

  // Sessions: this device plus the other one; end the other one.
  const table = page.getByRole('table', { name: 'Apparaten waarop je bent ingelogd' })
  await table.getByText('Dit apparaat').waitFor()
  await table.getByRole('button', { name: /^Uitloggen op / }).waitFor()
  expect(await table.getByRole('row').count()).toBe(3) // header + 2 sessions
  await table.getByRole('button', { name: /^Uitloggen op / }).click()
  await page.getByText(/^Je bent uitgelogd op /).waitFor()
  await table.getByRole('button', { name: /^Uitloggen op / }).waitFor({ state: 'detached' })
  expect(await table.getByRole('row').count()).toBe(2)
  expect(await page.getByRole('button', { name: 'Log overal anders uit' }).count()).toBe(0)

  // The other device is signed out: its account page now sends it to the login page.
  await other.goto('/account')
  await other.waitForURL(/\/login\?next=%2Faccount$/)
  await other.getByRole('heading', { name: 'Inloggen' }).waitFor()

  expect(browser.cspViolations).toEqual([])
})

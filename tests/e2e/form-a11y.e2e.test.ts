/**
 * What the forms promise to keyboard and screen-reader users, in a real browser: after a failed submit
 * focus moves to the first invalid field (or, when no field is to blame, to the alert region); every
 * invalid field has aria-invalid and its message wired with aria-describedby; a server refusal that
 * belongs to a field lands on that field; editing a field takes its error away.
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { uniqueEmail } from '../helpers/accounts.ts'
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

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement)

/** The text of the elements that aria-describedby points to, in order. */
const description = (locator: Locator) =>
  locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
      .join(' | '),
  )

async function waitForInvalid(field: Locator): Promise<void> {
  await field.and(field.page().locator('[aria-invalid="true"]')).waitFor()
}

async function signUpPage(): Promise<Page> {
  const page = await browser.newDevice()
  await page.goto('/signup')
  return page
}

test('a refused sign-up moves focus to the first invalid field and describes every invalid one', async () => {
  const page = await signUpPage()
  const firstName = page.getByLabel('Voornaam')
  const lastName = page.getByLabel('Achternaam')
  const email = page.getByLabel('E-mailadres')

  await lastName.fill('de Boer')
  await email.fill('geen-adres')
  await page.getByRole('button', { name: 'Account maken' }).click()

  await waitForInvalid(firstName)
  expect(await isFocused(firstName)).toBe(true)
  expect(await description(firstName)).toBe('Dit veld is verplicht.')
  expect(await email.getAttribute('aria-invalid')).toBe('true')
  expect(await description(email)).toContain('Vul een geldig e-mailadres in')
  // A valid field is not marked.
  expect(await lastName.getAttribute('aria-invalid')).toBeNull()
  // No form-level message: the alert region stays empty.
  expect(await page.locator('[data-form-alert]').innerText()).toBe('')

  // Typing in a field takes its error away; the other one keeps its own.
  await firstName.fill('Anna')
  expect(await firstName.getAttribute('aria-invalid')).toBeNull()
  expect(await firstName.getAttribute('aria-describedby')).toBeNull()
  expect(await email.getAttribute('aria-invalid')).toBe('true')

  // The next failed submit moves focus again, now to the first field still wrong.
  await page.getByRole('button', { name: 'Account maken' }).click()
  await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'email')
  expect(await isFocused(email)).toBe(true)
})

test('a server refusal that belongs to a field lands on that field and takes focus', async () => {
  const page = await signUpPage()
  await page.getByLabel('Voornaam').fill('Anna')
  await page.getByLabel('Achternaam').fill('de Boer')
  await page.getByLabel('E-mailadres').fill(uniqueEmail('a11y'))
  // Long enough for the schema, but on the list of common passwords the server refuses.
  const password = page.getByLabel('Wachtwoord', { exact: true })
  await password.fill('unbelievable')
  await page.getByRole('button', { name: 'Account maken' }).click()

  await waitForInvalid(password)
  expect(await isFocused(password)).toBe(true)
  expect(await description(password)).toContain('Dit wachtwoord wordt te vaak gebruikt')
  expect(await page.locator('[data-form-alert]').innerText()).toBe('')
})

test('a refusal no field is to blame for is announced in the alert region, which takes focus', async () => {
  const page = await browser.newDevice()
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(uniqueEmail('niemand'))
  await page.getByLabel('Wachtwoord', { exact: true }).fill('paarse-olifant-danst-2026')
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()

  const alert = page.locator('[data-form-alert]')
  await alert.getByText('Dit e-mailadres en wachtwoord horen niet bij elkaar').waitFor()
  expect(await alert.getAttribute('role')).toBe('alert')
  expect(await isFocused(alert)).toBe(true)
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(0)
})

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { PASSWORD } from './accounts.ts'
import { totpCode } from './flows.ts'

/** Debian's Chromium, headless, with nothing reaching out to the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export interface BrowserSession {
  /** A fresh browser context (own cookies and storage), like a separate device. */
  newDevice(options?: { initScript?: () => void; userAgent?: string; headers?: Record<string, string> }): Promise<Page>
  /** CSP refusals and uncaught page errors seen on any device; tests expect both to stay empty. */
  cspViolations: string[]
  pageErrors: string[]
  close(): Promise<void>
}

export async function openBrowser(baseURL: string): Promise<BrowserSession> {
  const browser = await launchChromium()
  const contexts: BrowserContext[] = []
  const cspViolations: string[] = []
  const pageErrors: string[] = []
  return {
    cspViolations,
    pageErrors,
    async newDevice(options = {}) {
      const context = await browser.newContext({
        baseURL,
        viewport: { width: 1280, height: 900 },
        ...(options.userAgent ? { userAgent: options.userAgent } : {}),
        ...(options.headers ? { extraHTTPHeaders: options.headers } : {}),
      })
      contexts.push(context)
      // Some CSP refusals (e.g. a caught `new Function`) only fire an event, no console message.
      await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
        ),
      )
      if (options.initScript) await context.addInitScript(options.initScript)
      const page = await context.newPage()
      page.on('console', (message) => {
        if (message.type() === 'error' && /CSP violation|Content Security Policy/i.test(message.text())) {
          cspViolations.push(message.text())
        }
      })
      page.on('pageerror', (error) => pageErrors.push(error.message))
      return page
    },
    async close() {
      for (const context of contexts) await context.close()
      await browser.close()
    },
  }
}

/** Fills in the log-in form with the test password (accounts.ts) and sends it. */
async function submitLogIn(page: Page, email: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
}

/** Logs a member in through the browser and waits for the account page's greeting. */
export async function logIn(page: Page, email: string, firstName: string): Promise<void> {
  await submitLogIn(page, email)
  await page.getByRole('heading', { name: `Hoi ${firstName}!` }).waitFor()
}

/**
 * Logs a staff member in through the browser: password, then the code of their authenticator app
 * (staff must have 2FA on; `makeStaff` in accounts.ts switches it on and returns the secret).
 */
export async function logInStaff(page: Page, staff: { email: string; firstName: string; secret: string }, now: Date): Promise<void> {
  await submitLogIn(page, staff.email)
  await page.getByLabel('Code uit je app').fill(totpCode(staff.secret, now))
  await page.getByRole('button', { name: 'Bevestigen', exact: true }).click()
  await page.getByRole('heading', { name: `Hoi ${staff.firstName}!` }).waitFor()
}

import { createMollieGateway, startMollieEmulator, type MollieEmulator, type PaymentGateway } from '@jouwbot/payments'

export const EMULATOR_TEST_KEY = 'test_jouwbotIntegrationTestsEmulatorKey1'
export const EMULATOR_CHECKOUT_PREFIX = '/_mollie'

export interface TestPayments {
  emulator: MollieEmulator
  /** The production gateway (official @mollie/api-client) pointed at the emulator. */
  gateway: PaymentGateway
}

/**
 * A Mollie emulator for one test server: its checkout page is served under the server's own origin,
 * webhooks are retried quickly. The app talks to it only through the official client.
 */
export async function startTestPayments(appOrigin: string): Promise<TestPayments> {
  const emulator = await startMollieEmulator({
    checkoutBaseUrl: `${appOrigin}${EMULATOR_CHECKOUT_PREFIX}`,
    checkoutPathPrefix: EMULATOR_CHECKOUT_PREFIX,
    webhookRetryDelaysMs: [50, 200, 500],
    webhookTimeoutMs: 20_000,
  })
  const gateway = createMollieGateway({ apiKey: EMULATOR_TEST_KEY, apiEndpoint: emulator.apiEndpoint, trustedCa: emulator.caPem })
  return { emulator, gateway }
}

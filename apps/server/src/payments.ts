import { join } from 'node:path'
import { createMollieGateway, loadOrCreateEmulatorCa, startMollieEmulator, type MollieEmulator, type PaymentGateway } from '@jouwbot/payments'
import type { InvoiceSeller } from '@jouwbot/pdf'
import { createOfflineVatChecker, createViesVatChecker, normalizeVatNumber, type VatNumberChecker } from '@jouwbot/vat'
import type { Logger } from 'pino'
import type { Env } from './env.ts'

/** The embedded default's key: the emulator accepts any well-formed test key. */
const EMULATOR_API_KEY = 'test_jouwbotEmbeddedDefaultEmulatorKey'
/** Where the dev server mounts the emulator's test checkout page (same origin: no certificate warning). */
export const EMULATOR_CHECKOUT_PREFIX = '/_mollie'

export interface Payments {
  gateway: PaymentGateway
  webhookUrl: string | undefined
  /** Origins our pay form may redirect to (CSP form-action). */
  formOrigins: string[]
  /** Only in the embedded default. */
  emulator: MollieEmulator | null
}

const isLocalOrigin = (origin: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(origin).hostname)

/**
 * Mollie itself with MOLLIE_API_KEY; otherwise (never in production: env.ts refuses) the emulator,
 * started in this process on HTTPS with a CA kept in DATA_DIR, its checkout page served on our origin.
 */
export async function createPayments(env: Env, logger: Logger): Promise<Payments> {
  const webhookUrl = `${env.APP_ORIGIN}/webhooks/mollie`
  if (env.MOLLIE_API_KEY) {
    const reachable = !isLocalOrigin(env.APP_ORIGIN)
    if (!reachable) logger.warn('APP_ORIGIN is local: Mollie cannot call the webhook; payments update via the return page and the reconciliation job')
    return {
      gateway: createMollieGateway({ apiKey: env.MOLLIE_API_KEY }),
      webhookUrl: reachable ? webhookUrl : undefined,
      formOrigins: ['https://www.mollie.com'],
      emulator: null,
    }
  }
  const folder = join(env.DATA_DIR, 'mollie-emulator')
  const emulator = await startMollieEmulator({
    ca: await loadOrCreateEmulatorCa(folder),
    stateFile: join(folder, 'state.json'),
    checkoutBaseUrl: `${env.APP_ORIGIN}${EMULATOR_CHECKOUT_PREFIX}`,
    checkoutPathPrefix: EMULATOR_CHECKOUT_PREFIX,
    log: (message) => logger.warn(`mollie emulator: ${message}`),
  })
  logger.info({ apiEndpoint: emulator.apiEndpoint }, 'using the built-in Mollie emulator (no MOLLIE_API_KEY)')
  return {
    gateway: createMollieGateway({ apiKey: EMULATOR_API_KEY, apiEndpoint: emulator.apiEndpoint, trustedCa: emulator.caPem }),
    webhookUrl,
    formOrigins: [],
    emulator,
  }
}

export function createVatChecker(env: Env): VatNumberChecker {
  const mode = env.VAT_CHECK ?? (env.NODE_ENV === 'production' ? 'vies' : 'offline')
  // Sending our own number makes VIES return a consultation number: proof of the check for the tax office.
  return mode === 'vies' ? createViesVatChecker({ requester: normalizeVatNumber(sellerFromEnv(env).vatNumber) }) : createOfflineVatChecker({})
}

export function sellerFromEnv(env: Env): InvoiceSeller {
  return {
    name: env.SELLER_NAME ?? 'Keijzer Media (Jouw Bot)',
    addressLines: (env.SELLER_ADDRESS ?? 'Sterrenlaan 218|2402 BD Alphen aan den Rijn').split('|').map((line) => line.trim()),
    country: 'NL',
    kvkNumber: env.SELLER_KVK ?? '65529308',
    vatNumber: env.SELLER_VAT_NUMBER ?? 'NL219943515B01',
    iban: env.SELLER_IBAN ?? null,
    email: env.SELLER_EMAIL ?? 'robin@jouwbot.nl',
  }
}

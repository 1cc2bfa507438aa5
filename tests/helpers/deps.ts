import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppDeps, type AppDeps } from '@jouwbot/api'
import { generateEncryptionKey } from '@jouwbot/auth'
import type { DatabaseHandle } from '@jouwbot/db'
import type { PaymentGateway } from '@jouwbot/payments'
import type { InvoiceSeller } from '@jouwbot/pdf'
import { createLocalStorage, type Storage } from '@jouwbot/storage'
import { createOfflineVatChecker } from '@jouwbot/vat'
import { TestClock } from './clock.ts'

export const TEST_ORIGIN = 'http://localhost:3000'
export const TEST_MEDIA_SECRET = 'test-media-secret-test-media-secret-0123456789'

/** One media folder per test process; seeded files are overwritten, never shared across processes. */
export const testStorage: Storage = createLocalStorage(mkdtempSync(join(tmpdir(), 'jb-media-')))

export const TEST_SELLER: InvoiceSeller = {
  name: 'Keijzer Media (Jouw Bot)',
  addressLines: ['Sterrenlaan 218', '2402 BD Alphen aan den Rijn'],
  country: 'NL',
  kvkNumber: '65529308',
  vatNumber: 'NL219943515B01',
  iban: null,
  email: 'robin@jouwbot.nl',
}

const refuse = (): never => {
  throw new Error('This test has no payment provider: start the Mollie emulator (tests/helpers/payments.ts).')
}
/** Tests that pay use the real gateway on the emulator; all others must not touch payments. */
const noPayments: PaymentGateway = {
  mode: 'test',
  createPayment: refuse,
  getPayment: refuse,
  cancelPayment: refuse,
  createRefund: refuse,
  listRefunds: refuse,
  listChargebacks: refuse,
}

export function makeDeps(handle: DatabaseHandle, overrides: Partial<AppDeps> = {}): AppDeps & { clock: TestClock } {
  const clock = new TestClock()
  const deps = createAppDeps({
    db: handle.db,
    sessionSecret: 'test-session-secret-test-session-secret',
    encryptionKeys: generateEncryptionKey('test1'),
    appOrigin: TEST_ORIGIN,
    devMailbox: true,
    storage: testStorage,
    mediaSecret: TEST_MEDIA_SECRET,
    payments: noPayments,
    mollieWebhookUrl: undefined,
    vatChecker: createOfflineVatChecker({ now: () => clock.now() }),
    seller: TEST_SELLER,
    clock,
  })
  return { ...deps, ...overrides, clock }
}

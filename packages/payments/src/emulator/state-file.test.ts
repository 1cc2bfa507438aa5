import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { CreatePaymentInput } from '../gateway.ts'
import { createMollieGateway } from '../mollie-gateway.ts'
import { TEST_KEY } from '../test-support.ts'
import { loadOrCreateEmulatorCa, startMollieEmulator } from './index.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jouwbot-mollie-emulator-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const input = (idempotencyKey: string, amountCents = 3000): CreatePaymentInput => ({
  amountCents,
  currency: 'EUR',
  description: 'Cursus Nederlands B1',
  redirectUrl: 'http://localhost:3000/bestelling/o_9',
  locale: 'nl_NL',
  metadata: { orderId: 'o_9' },
  idempotencyKey,
})

test('payments, refunds, the profile and idempotency records survive a restart (and so does the CA)', async () => {
  const stateFile = path.join(dir, 'state', 'mollie-emulator.json')
  const ca = await loadOrCreateEmulatorCa(dir)

  const first = await startMollieEmulator({ stateFile, ca })
  const firstGateway = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: first.apiEndpoint, trustedCa: ca.certPem })
  const paid = await firstGateway.createPayment(input('order-o_9-1'))
  const open = await firstGateway.createPayment(input('order-o_9-2', 1000))
  await first.setPaymentStatus(paid.id, 'paid')
  const refund = await firstGateway.createRefund({
    paymentId: paid.id,
    amountCents: 500,
    currency: 'EUR',
    description: 'Deel',
    metadata: { orderId: 'o_9', refundRequestId: 'rr_9' },
    idempotencyKey: 'refund-9',
  })
  const before = first.listPayments()
  await first.close()

  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  expect(saved).toMatchObject({ version: 1, payments: [{ id: paid.id }, { id: open.id }], refunds: [{ id: refund.id }] })
  expect(JSON.stringify(saved)).not.toContain(TEST_KEY)
  expect(await readdir(path.dirname(stateFile))).toEqual(['mollie-emulator.json'])

  expect((await loadOrCreateEmulatorCa(dir)).certPem).toBe(ca.certPem)
  const second = await startMollieEmulator({ stateFile, ca: await loadOrCreateEmulatorCa(dir) })
  try {
    expect(second.listPayments()).toEqual(before.map((p) => ({ ...p, checkoutUrl: p.checkoutUrl?.replace(first.origin, second.origin) ?? null })))
    const secondGateway = createMollieGateway({ apiKey: TEST_KEY, apiEndpoint: second.apiEndpoint, trustedCa: ca.certPem })
    expect(await secondGateway.getPayment(paid.id)).toMatchObject({ status: 'paid', amountRefundedCents: 500, amountRemainingCents: 2500 })
    expect((await secondGateway.listRefunds(paid.id)).map((r) => r.id)).toEqual([refund.id])
    // A create retried across the restart still answers the first payment.
    expect((await secondGateway.createPayment(input('order-o_9-2', 1000))).id).toBe(open.id)
    expect(second.listPayments()).toHaveLength(2)
    await second.setPaymentStatus(open.id, 'expired')
    second.reset()
    expect(JSON.parse(await readFile(stateFile, 'utf8')).payments).toEqual([])
  } finally {
    await second.close()
  }
})

test('a state file that is not the emulator’s is refused rather than overwritten', async () => {
  const stateFile = path.join(dir, 'foreign.json')
  await writeFile(stateFile, '{"users": []}')
  await expect(startMollieEmulator({ stateFile })).rejects.toThrow(/not a Mollie emulator state file/)
  expect(await readFile(stateFile, 'utf8')).toBe('{"users": []}')
})

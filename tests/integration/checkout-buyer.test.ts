import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember } from '../helpers/accounts.ts'
import { consumerBilling, seedShopFixture, startBuying } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// What a buyer sees around the checkout (issue 13): the price list knows its course, a second
// purchase starts with the last address.
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null, payments: true })
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  await server.payments!.emulator.webhooksIdle()
  server.payments!.emulator.reset()
  await truncateAll(server.handle)
  server.deps.courses.invalidate()
})

describe('the price list', () => {
  test('names each product in the asked language and says which course it unlocks', async () => {
    const { courseId } = await seedShopFixture(server.deps)
    const visitor = await (await createMember(server.deps)).client.api()
    const en = await visitor.checkout.products({ locale: 'en' })
    const nl = await visitor.checkout.products({ locale: 'nl' })
    expect(en.find((p) => p.slug === 'premium-cursus')).toMatchObject({ name: 'Premium Course', courseId, coachingCredits: 0 })
    expect(nl.find((p) => p.slug === 'premium-cursus')).toMatchObject({ name: 'Premium Cursus', courseId })
    expect(nl.find((p) => p.slug === 'coachingsessie')).toMatchObject({ courseId: null })
  })
})

describe('the last billing address', () => {
  test('is empty before the first order and is the last order’s address after it, for its buyer only', async () => {
    await seedShopFixture(server.deps)
    const buyer = await createMember(server.deps)
    const other = await createMember(server.deps, { email: 'ander@example.nl' })
    const api = await buyer.client.api()
    expect(await api.checkout.lastBilling()).toBeNull()

    await startBuying(buyer.client, 'coachingsessie')
    expect(await api.checkout.lastBilling()).toEqual({ ...consumerBilling, company: '', vatNumber: '' })

    // A later order with a business address wins; the VAT number comes back decrypted for its owner.
    server.deps.clock.advance(60_000)
    const business = { ...consumerBilling, company: 'Bot BV', vatNumber: 'NL004495445B01', addressLine: 'Kade 9', city: 'Leiden' }
    await startBuying(buyer.client, 'premium-cursus', { billing: business })
    expect(await api.checkout.lastBilling()).toMatchObject({ company: 'Bot BV', addressLine: 'Kade 9', city: 'Leiden', vatNumber: 'NL004495445B01' })

    expect(await (await other.client.api()).checkout.lastBilling()).toBeNull()
  })
})

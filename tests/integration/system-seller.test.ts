import { describe, expect, test } from 'vitest'
import { createMember } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps, TEST_SELLER } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

const IBAN = 'NL91ABNA0417164300'

describe('system.seller', () => {
  test('anyone gets the seller details of the terms page', async () => {
    const deps = makeDeps(db())
    const seller = await (await new TestClient(deps).api()).system.seller()
    expect(seller).toEqual({
      name: TEST_SELLER.name,
      addressLines: TEST_SELLER.addressLines,
      country: 'NL',
      kvkNumber: TEST_SELLER.kvkNumber,
      vatNumber: TEST_SELLER.vatNumber,
      email: TEST_SELLER.email,
    })
  })

  test('the bank account printed on invoices is not published', async () => {
    const deps = makeDeps(db(), { seller: { ...TEST_SELLER, iban: IBAN } })
    const anonymous = await (await new TestClient(deps).api()).system.seller()
    const { client } = await createMember(deps)
    const member = await (await client.api()).system.seller()
    for (const seller of [anonymous, member]) {
      expect(Object.keys(seller).sort()).toEqual(['addressLines', 'country', 'email', 'kvkNumber', 'name', 'vatNumber'])
      expect(JSON.stringify(seller)).not.toContain(IBAN)
    }
  })

  test('a seller without an e-mail address answers null, not undefined', async () => {
    const deps = makeDeps(db(), { seller: { ...TEST_SELLER, email: undefined } })
    expect((await (await new TestClient(deps).api()).system.seller()).email).toBeNull()
  })
})

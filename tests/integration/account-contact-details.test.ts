import { describe, expect, test } from 'vitest'
import { and, auditLog, eq, users } from '@jouwbot/db'
import { createMember } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { rejectionOf } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

const details = {
  phone: '+31 6 1234 5678',
  company: 'Sanne Bots BV',
  addressLine: 'Oudegracht 12',
  postalCode: '3511 AB',
  city: 'Utrecht',
  country: 'NL' as const,
}

describe('rectification: phone, company and address on the profile (issue 11 §2, art. 16)', () => {
  test('a member sets, corrects and clears them in one place; the audit names the fields, never the values', async () => {
    const deps = makeDeps(db())
    const member = await createMember(deps)
    const api = await member.client.api()
    expect(await api.account.contactDetails()).toEqual({ phone: null, company: null, addressLine: null, postalCode: null, city: null, country: null })

    expect(await api.account.updateContactDetails(details)).toEqual(details)
    expect(await (await member.client.api()).account.contactDetails()).toEqual(details)

    const corrected = await api.account.updateContactDetails({ ...details, city: '  Amersfoort ', phone: '' })
    expect(corrected).toEqual({ ...details, city: 'Amersfoort', phone: null })
    const cleared = await api.account.updateContactDetails({ phone: '', company: '', addressLine: '', postalCode: '', city: '', country: null })
    expect(cleared).toEqual({ phone: null, company: null, addressLine: null, postalCode: null, city: null, country: null })

    const [user] = await deps.db.select().from(users).where(eq(users.email, member.email))
    const audit = await deps.db.select().from(auditLog).where(and(eq(auditLog.subjectUserId, user!.id), eq(auditLog.action, 'account.contact_details_rectified')))
    expect(audit.map((a) => (a.details as { fields: string[] }).fields)).toEqual([
      ['phone', 'company', 'addressLine', 'postalCode', 'city', 'country'],
      ['phone', 'city'],
      ['company', 'addressLine', 'postalCode', 'city', 'country'],
    ])
    expect(JSON.stringify(audit)).not.toContain('Oudegracht')

    // Saving the same values again changes nothing and writes no audit row.
    await api.account.updateContactDetails(cleared)
    expect(await deps.db.$count(auditLog, eq(auditLog.action, 'account.contact_details_rectified'))).toBe(3)
  })

  test('refuses a bad phone number, an unknown country, control characters and unknown fields; only the member’s own row changes', async () => {
    const deps = makeDeps(db())
    const member = await createMember(deps)
    const other = await createMember(deps, { firstName: 'Bram' })
    await (await other.client.api()).account.updateContactDetails(details)
    const api = await member.client.api()
    for (const input of [
      { ...details, phone: 'bel me maar' },
      { ...details, country: 'XX' },
      { ...details, city: 'Utrecht\u0000' },
      { ...details, email: 'ander@example.nl' },
    ]) {
      const error = await rejectionOf(api.account.updateContactDetails(input as typeof details))
      expect(error.code, JSON.stringify(input)).toBe('BAD_REQUEST')
    }
    expect((await api.account.contactDetails()).city).toBeNull()
    expect(await (await other.client.api()).account.contactDetails()).toEqual(details)
  })

  test('signed out: refused', async () => {
    const deps = makeDeps(db())
    const error = await rejectionOf((await new TestClient(deps).api()).account.contactDetails())
    expect(error.code).toBe('UNAUTHORIZED')
  })

  test('the checkout starts with the address kept on the profile', async () => {
    const deps = makeDeps(db())
    const member = await createMember(deps, { firstName: 'Sanne' })
    expect(await (await member.client.api()).checkout.lastBilling()).toBeNull()
    await (await member.client.api()).account.updateContactDetails(details)
    expect(await (await member.client.api()).checkout.lastBilling()).toEqual({
      name: 'Sanne de Vries',
      company: 'Sanne Bots BV',
      addressLine: 'Oudegracht 12',
      postalCode: '3511 AB',
      city: 'Utrecht',
      country: 'NL',
      vatNumber: '',
    })
  })
})

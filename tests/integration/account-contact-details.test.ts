import { describe, expect, test } from 'vitest'
import { collectPersonalData, eraseDueAccounts } from '@jouwbot/api/privacy'
import { accountErasures, and, auditLog, eq, isNotNull, users } from '@jouwbot/db'
import type { VatNumberChecker } from '@jouwbot/vat'
import { createMember } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal, rejectionOf } from '../helpers/flows.ts'
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
    expect(await api.account.contactDetails()).toEqual({ phone: null, company: null, addressLine: null, postalCode: null, city: null, country: null, vatNumber: null })

    expect(await api.account.updateContactDetails(details)).toEqual({ ...details, vatNumber: null })
    expect(await (await member.client.api()).account.contactDetails()).toEqual({ ...details, vatNumber: null })

    const corrected = await api.account.updateContactDetails({ ...details, city: '  Amersfoort ', phone: '' })
    expect(corrected).toEqual({ ...details, city: 'Amersfoort', phone: null, vatNumber: null })
    const cleared = await api.account.updateContactDetails({ phone: '', company: '', addressLine: '', postalCode: '', city: '', country: null })
    expect(cleared).toEqual({ phone: null, company: null, addressLine: null, postalCode: null, city: null, country: null, vatNumber: null })

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
    expect(await (await other.client.api()).account.contactDetails()).toEqual({ ...details, vatNumber: null })
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

/** A VIES stand-in that answers `status` for every number and counts its calls. */
function viesAnswering(status: 'valid' | 'invalid' | 'unavailable') {
  const calls: string[] = []
  const checker: VatNumberChecker = {
    check: async (countryCode, number) => {
      calls.push(`${countryCode}${number}`)
      return { status, countryCode, number, checkedAt: new Date(), source: 'vies' }
    },
  }
  return { checker, calls }
}

describe('rectification: the VAT number on the profile (issue 11 §2, art. 16)', () => {
  test('saved normalised and field-encrypted, checked (format, check digit, VIES), audited without its value; absent leaves it, empty clears it', async () => {
    const vies = viesAnswering('valid')
    const deps = makeDeps(db(), { vatChecker: vies.checker })
    const member = await createMember(deps)
    const api = await member.client.api()

    const saved = await api.account.updateContactDetails({ ...details, vatNumber: ' nl 2199.43.515-b01 ' })
    expect(saved.vatNumber).toBe('NL219943515B01')
    expect(vies.calls).toEqual(['NL219943515B01'])
    const [row] = await deps.db.select().from(users).where(eq(users.email, member.email))
    expect(row!.vatNumberEncrypted).toMatch(/^v1\.test1\./)
    expect(row!.vatNumberEncrypted).not.toContain('219943515')
    expect(deps.cipher.decrypt(row!.vatNumberEncrypted!)).toBe('NL219943515B01')
    expect((await (await member.client.api()).account.contactDetails()).vatNumber).toBe('NL219943515B01')

    // Saved again as it is: no second VIES call is needed for the value, the ciphertext stays.
    await api.account.updateContactDetails({ ...details, vatNumber: 'NL219943515B01' })
    const [same] = await deps.db.select().from(users).where(eq(users.id, row!.id))
    expect(same!.vatNumberEncrypted).toBe(row!.vatNumberEncrypted)
    // Absent: left as it is (older clients, other forms).
    expect((await api.account.updateContactDetails({ ...details, city: 'Zeist' })).vatNumber).toBe('NL219943515B01')

    // Refused: no EU prefix, a wrong check digit, too long, and what VIES calls invalid.
    for (const vatNumber of ['US123456789', 'NL219943516B01', 'NL' + '1'.repeat(30)]) {
      const error = await rejectionOf(api.account.updateContactDetails({ ...details, vatNumber }))
      expect(error.code, vatNumber).toBe('BAD_REQUEST')
    }
    await expectRefusal(api.account.updateContactDetails({ ...details, vatNumber: 'NL219943516B01' }), 'BAD_REQUEST', 'contactDetails.vatNumberInvalid')
    deps.vatChecker = viesAnswering('invalid').checker
    await expectRefusal((await member.client.api()).account.updateContactDetails({ ...details, vatNumber: 'BE0417497106' }), 'BAD_REQUEST', 'contactDetails.vatNumberInvalid')
    expect((await api.account.contactDetails()).vatNumber).toBe('NL219943515B01')
    // VIES unavailable: kept (the checkout checks again when buying).
    deps.vatChecker = viesAnswering('unavailable').checker
    expect((await (await member.client.api()).account.updateContactDetails({ ...details, vatNumber: 'BE0417497106' })).vatNumber).toBe('BE0417497106')

    const cleared = await api.account.updateContactDetails({ ...details, vatNumber: '' })
    expect(cleared.vatNumber).toBeNull()
    expect((await deps.db.select().from(users).where(eq(users.id, row!.id)))[0]!.vatNumberEncrypted).toBeNull()

    const audit = await deps.db.select().from(auditLog).where(and(eq(auditLog.subjectUserId, row!.id), eq(auditLog.action, 'account.contact_details_rectified')))
    expect(audit.map((a) => (a.details as { fields: string[] }).fields)).toEqual([
      ['phone', 'company', 'addressLine', 'postalCode', 'city', 'country', 'vatNumber'],
      ['city'],
      ['city', 'vatNumber'],
      ['vatNumber'],
    ])
    expect(JSON.stringify(audit)).not.toContain('219943515')
    expect(JSON.stringify(audit)).not.toContain('0417497106')
  })

  test('pre-fills the checkout, is in the export (decrypted, for the owner only) and goes with the account', async () => {
    const deps = makeDeps(db())
    const member = await createMember(deps, { firstName: 'Sanne' })
    const other = await createMember(deps, { firstName: 'Bram' })
    // Only a VAT number and company on the profile, no address and no order yet: the form still starts with them.
    await (await member.client.api()).account.updateContactDetails({ phone: '', company: 'Sanne Bots BV', addressLine: '', postalCode: '', city: '', country: null, vatNumber: 'BE 0417.497.106' })
    expect(await (await member.client.api()).checkout.lastBilling()).toEqual({
      name: 'Sanne de Vries',
      company: 'Sanne Bots BV',
      addressLine: '',
      postalCode: '',
      city: '',
      country: 'BE',
      vatNumber: 'BE0417497106',
    })
    await (await member.client.api()).account.updateContactDetails({ ...details, vatNumber: 'NL219943515B01' })
    expect(await (await member.client.api()).checkout.lastBilling()).toMatchObject({ company: 'Sanne Bots BV', country: 'NL', vatNumber: 'NL219943515B01' })
    await (await other.client.api()).account.updateContactDetails({ ...details, vatNumber: 'BE0417497106' })

    const [sanne] = await deps.db.select().from(users).where(eq(users.email, member.email))
    const exported = await collectPersonalData(deps, { userId: sanne!.id, email: sanne!.email })
    const vat = exported.find((c) => c.category.id === 'vat_number')!
    const onProfile = vat.locations.find((l) => l.where.startsWith('users.'))!
    expect(onProfile.rows).toEqual([{ vat_number: 'NL219943515B01' }])
    expect(JSON.stringify(exported)).not.toContain('BE0417497106') // Bram's
    expect(JSON.stringify(exported)).not.toContain(sanne!.vatNumberEncrypted!)

    await deps.db.insert(accountErasures).values({ userId: sanne!.id, status: 'scheduled', cancelTokenHash: 'x', requestedAt: deps.clock.now(), scheduledFor: deps.clock.now() })
    expect(await eraseDueAccounts(deps)).toEqual({ erased: 1 })
    const left = await deps.db.select({ id: users.id }).from(users).where(isNotNull(users.vatNumberEncrypted))
    expect(left.map((r) => r.id)).not.toContain(sanne!.id)
    expect(left).toHaveLength(1) // Bram's
  })
})

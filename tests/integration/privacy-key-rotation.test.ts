import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { ENCRYPTED_FIELDS, runKeyRotation } from '@jouwbot/api/privacy'
import { createFieldCipher, generateEncryptionKey, parseEncryptionKeys, type FieldCipher } from '@jouwbot/auth'
import { auditLog, eq, inArray, invoices, isNotNull, orders, privacyKeyRotations, schemaTables, users } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import type { TestClient } from '../helpers/client.ts'
import { expectRefusal, totpCode, turnOnTwoFactor } from '../helpers/flows.ts'
import { seedShopFixture, startBuying, type consumerBilling } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/*
 * Issue 11 §6: field-encryption key rotation. Values written under key "old" stay readable before,
 * during (after a crash midway) and after the rotation, end up under key "new", and a second rotation
 * changes nothing. A restart with `ENCRYPTION_KEYS=new:…,old:…` is played by swapping the app's cipher.
 */

const OLD = generateEncryptionKey('old')
const NEW = generateEncryptionKey('new')

let server: TestServer
let originalCipher: FieldCipher
beforeAll(async () => {
  server = await startTestServer({ webDist: null, payments: true })
  originalCipher = server.deps.cipher
})
afterAll(async () => {
  server.deps.cipher = originalCipher
  await server.close()
})
beforeEach(async () => {
  await server.payments!.emulator.webhooksIdle()
  server.payments!.emulator.reset()
  await truncateAll(server.handle)
  await seedShopFixture(server.deps)
  server.deps.cipher = createFieldCipher(parseEncryptionKeys(OLD))
})

const deps = () => server.deps
const db = () => server.handle.db
const restartWithNewKeyFirst = () => {
  server.deps.cipher = createFieldCipher(parseEncryptionKeys(`${NEW},${OLD}`))
}

/**
 * A member with 2FA who bought with a VAT number and keeps one on the profile: a TOTP secret, the
 * profile's VAT number, an order and an invoice encrypted.
 */
async function memberWithEncryptedData(
  firstName: string,
): Promise<{ client: TestClient; email: string; password: string; secret: string; vatNumber: string; profileVatNumber: string }> {
  const member = await createMember(deps(), { firstName })
  const { secret } = await turnOnTwoFactor(deps(), member.client)
  const vatNumber = firstName === 'Anna' ? 'NL219943515B01' : 'BE0417497106'
  // The profile's own VAT number (privacy centre), the other one of the two, so each read is told apart.
  const profileVatNumber = firstName === 'Anna' ? 'BE0417497106' : 'NL219943515B01'
  await (await member.client.api()).account.updateContactDetails({ phone: '', company: `${firstName} Bots BV`, addressLine: '', postalCode: '', city: '', country: null, vatNumber: profileVatNumber })
  const billing: typeof consumerBilling = {
    name: `${firstName} de Vries`,
    company: `${firstName} Bots BV`,
    vatNumber,
    addressLine: `${firstName}straat 1`,
    postalCode: '1234 AB',
    city: 'Utrecht',
    country: firstName === 'Anna' ? 'NL' : 'BE',
  }
  const bought = await startBuying(member.client, 'premium-cursus', { billing })
  await server.payments!.emulator.setPaymentStatus(bought.paymentId, 'paid')
  await server.payments!.emulator.webhooksIdle()
  return { ...member, secret, vatNumber, profileVatNumber }
}

/** Every encrypted value in the database: field → key ids of its values. */
async function keyIdsByField() {
  const out: Record<string, string[]> = {}
  for (const field of ENCRYPTED_FIELDS) {
    const rows = await db().select({ value: field.column }).from(field.table).where(isNotNull(field.column))
    out[field.name] = rows.map((r) => String(r.value).split('.')[1]!).sort()
  }
  return out
}

async function allEncryptedValues() {
  const values: string[] = []
  for (const field of ENCRYPTED_FIELDS) {
    const rows = await db().select({ value: field.column }).from(field.table).where(isNotNull(field.column))
    values.push(...rows.map((r) => String(r.value)))
  }
  return values.sort()
}

/** What the members rely on: their VAT numbers as the app reads them (last billing, invoices), and 2FA log-in. */
async function expectReadable(members: Awaited<ReturnType<typeof memberWithEncryptedData>>[]) {
  for (const member of members) {
    // The checkout starts with the profile's VAT number; the order keeps the one it was placed with.
    const billing = await (await member.client.api()).checkout.lastBilling()
    expect(billing?.vatNumber).toBe(member.profileVatNumber)
    expect((await (await member.client.api()).account.contactDetails()).vatNumber).toBe(member.profileVatNumber)
    const [user] = await db().select().from(users).where(eq(users.email, member.email))
    const [order] = await db().select().from(orders).where(eq(orders.userId, user!.id))
    expect(deps().cipher.decrypt(order!.vatNumberEncrypted!)).toBe(member.vatNumber)
    const invoiceRows = await db().select().from(invoices).where(eq(invoices.userId, user!.id))
    expect(invoiceRows.length).toBeGreaterThan(0)
    for (const invoice of invoiceRows) expect(deps().cipher.decrypt(invoice.buyerVatNumberEncrypted!)).toBe(member.vatNumber)
    expect(deps().cipher.decrypt(user!.totpSecret!)).toBe(member.secret)
  }
}

describe('field-encryption key rotation', () => {
  test('every encrypted column of the schema is rotated (a new one cannot be forgotten)', () => {
    const inSchema = [...schemaTables()].flatMap(([table, config]) =>
      [...config.columns.keys()].filter((column) => column.endsWith('_encrypted') || column === 'totp_secret').map((column) => `${table}.${column}`),
    )
    expect(ENCRYPTED_FIELDS.map((f) => f.name).sort()).toEqual(inSchema.sort())
  })

  test('values under the old key stay readable before, during (crash midway) and after, and end under the new key; a second run changes nothing', async () => {
    const anna = await memberWithEncryptedData('Anna')
    const bram = await memberWithEncryptedData('Bram')
    const before = await keyIdsByField()
    for (const field of ENCRYPTED_FIELDS) expect(before[field.name]!.length, field.name).toBeGreaterThan(0)
    expect(Object.values(before).flat().every((id) => id === 'old')).toBe(true)
    const total = Object.values(before).flat().length

    restartWithNewKeyFirst()
    await expectReadable([anna, bram])

    // An admin (2FA, fresh sudo) starts the rotation; starting again while it runs returns the same run.
    const admin = await createMember(deps(), { firstName: 'Beheerder' })
    await makeStaff(deps(), admin, 'admin')
    const adminApi = await admin.client.api()
    const started = await adminApi.admin.privacy.startKeyRotation()
    expect(started.alreadyRunning).toBe(false)
    expect((await adminApi.admin.privacy.startKeyRotation()).id).toBe(started.id)
    const listed = await adminApi.admin.privacy.keyRotations({})
    expect(listed.currentKeyId).toBe('new')
    expect(listed.runs[0]).toMatchObject({ id: started.id, status: 'running', total, done: 0 })
    // The admin's own 2FA secret was set up after the restart, so it is under the new key already.
    expect(listed.valuesByKey).toEqual({
      'users.totp_secret': { old: 2, new: 1 },
      'users.vat_number_encrypted': { old: 2 },
      'orders.vat_number_encrypted': { old: 2 },
      'invoices.buyer_vat_number_encrypted': { old: 2 },
    })

    // The job crashes after three batches of one value each.
    let batches = 0
    const crash = runKeyRotation(deps(), {
      batchSize: 1,
      afterBatch: () => {
        batches += 1
        if (batches === 3) throw new Error('the machine went down')
      },
    })
    await expect(crash).rejects.toThrow('the machine went down')
    const midway = await keyIdsByField()
    expect(Object.values(midway).flat().filter((id) => id === 'new')).toHaveLength(3 + 1)
    expect(Object.values(midway).flat().filter((id) => id === 'old')).toHaveLength(total - 3)
    const [runMidway] = await db().select().from(privacyKeyRotations).where(eq(privacyKeyRotations.id, started.id))
    expect(runMidway!.status).toBe('running')
    expect(Object.values(runMidway!.progress).reduce((sum, f) => sum + f.done, 0)).toBe(3)
    await expectReadable([anna, bram])

    // The next run finishes; every value is under the new key and reads the same.
    const finished = await runKeyRotation(deps(), { batchSize: 2 })
    expect(finished).toMatchObject({ rotationId: started.id, status: 'finished', moved: total - 3 })
    const after = await keyIdsByField()
    expect(Object.values(after).flat()).toEqual(Array.from({ length: total + 1 }, () => 'new'))
    await expectReadable([anna, bram])
    const done = await adminApi.admin.privacy.keyRotations({})
    expect(done.runs[0]).toMatchObject({ id: started.id, status: 'finished', total, done: total })
    for (const [name, progress] of Object.entries(done.runs[0]!.progress)) expect(progress.done, name).toBe(progress.total)

    // The old key can go now: with only the new key, everything still reads, 2FA log-in included.
    server.deps.cipher = createFieldCipher(parseEncryptionKeys(NEW))
    await expectReadable([anna, bram])
    const annaApi = await anna.client.api()
    await annaApi.auth.logOut()
    const login = await (await anna.client.api()).auth.logIn({ email: anna.email, password: anna.password })
    expect(login).toEqual({ status: 'totp_required' })
    deps().clock.advance(30_000)
    await (await anna.client.api()).auth.verifyTotp({ code: totpCode(anna.secret, deps().clock.now()) })
    expect((await (await anna.client.api()).auth.me())?.email).toBe(anna.email)

    // A second rotation finds nothing to do and changes no value.
    const values = await allEncryptedValues()
    const second = await adminApi.admin.privacy.startKeyRotation()
    expect(second.id).not.toBe(started.id)
    expect(await runKeyRotation(deps(), { batchSize: 1 })).toMatchObject({ rotationId: second.id, status: 'finished', moved: 0 })
    expect(await allEncryptedValues()).toEqual(values)
    expect(await runKeyRotation(deps())).toMatchObject({ rotationId: null, status: 'idle' })

    // Audited: who started each run, and that each finished.
    const audit = await db().select().from(auditLog).where(inArray(auditLog.action, ['privacy.key_rotation_started', 'privacy.key_rotation_finished']))
    expect(audit.filter((a) => a.action === 'privacy.key_rotation_started')).toHaveLength(2)
    expect(audit.filter((a) => a.action === 'privacy.key_rotation_finished')).toHaveLength(2)
    expect(audit.filter((a) => a.action === 'privacy.key_rotation_started').every((a) => a.actorUserId !== null)).toBe(true)
    expect(JSON.stringify(audit)).not.toContain(anna.vatNumber)
  })

  test('issued invoices stay as issued: outside the rotation their encrypted VAT number cannot change', async () => {
    await memberWithEncryptedData('Anna')
    restartWithNewKeyFirst()
    const [invoice] = await db().select().from(invoices)
    await expect(
      db().update(invoices).set({ buyerVatNumberEncrypted: deps().cipher.rotate(invoice!.buyerVatNumberEncrypted!) }).where(eq(invoices.id, invoice!.id)),
    ).rejects.toThrow()
    const [order] = await db().select().from(orders)
    expect(order!.vatNumberEncrypted!.split('.')[1]).toBe('old')
  })

  test('a value no configured key can read stops the run as failed, saying which column', async () => {
    await memberWithEncryptedData('Anna')
    restartWithNewKeyFirst()
    const admin = await createMember(deps(), { firstName: 'Beheerder' })
    await makeStaff(deps(), admin, 'admin')
    await db().update(orders).set({ vatNumberEncrypted: createFieldCipher(parseEncryptionKeys(generateEncryptionKey('lost'))).encrypt('NL1') })
    await (await admin.client.api()).admin.privacy.startKeyRotation()
    const result = await runKeyRotation(deps())
    expect(result.status).toBe('failed')
    const [run] = await db().select().from(privacyKeyRotations)
    expect(run!.status).toBe('failed')
    expect(run!.error).toContain('orders.vat_number_encrypted')
    expect(run!.error).not.toContain('NL1')
  })

  test('a member cannot see or start a rotation', async () => {
    const member = await createMember(deps())
    await expectRefusal((await member.client.api()).admin.privacy.startKeyRotation(), 'FORBIDDEN', 'error.forbidden')
    await expectRefusal((await member.client.api()).admin.privacy.keyRotations({}), 'FORBIDDEN', 'error.forbidden')
  })
})

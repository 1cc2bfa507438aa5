import { describe, expect, test } from 'vitest'
import { recoveryCodes as recoveryCodesTable, eq, sql, rowsOf } from '@jouwbot/db'
import { createMember, PASSWORD } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { mailsTo } from '../helpers/mailbox.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { auditActions, expectRefusal, sessionRow, tokenWorks, totpCode, turnOnTwoFactor, userByEmail } from '../helpers/flows.ts'

const db = useTestDatabase()

describe('two-factor authentication (TOTP)', () => {
  test('setup, then enabling with a correct code, yields ten one-time recovery codes', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)

    const setup = await (await client.api()).twoFactor.setup()
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//)
    expect(setup.uri).toContain(`secret=${setup.secret}`)
    expect(setup.qrSvg).toContain('<svg')
    // Not active until a code confirms it.
    expect((await userByEmail(deps, email)).totpEnabledAt).toBeNull()
    expect((await (await client.api()).auth.me())?.twoFactorEnabled).toBe(false)

    const { recoveryCodes } = await (await client.api()).twoFactor.enable({ code: totpCode(setup.secret, deps.clock.now()) })

    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}$/)
    const user = await userByEmail(deps, email)
    expect(user.totpEnabledAt).toEqual(deps.clock.now())
    // Only hashes are stored.
    const stored = await deps.db.select().from(recoveryCodesTable).where(eq(recoveryCodesTable.userId, user.id))
    expect(stored).toHaveLength(10)
    for (const row of stored) expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/)
    expect(await (await client.api()).auth.me()).toMatchObject({ twoFactorEnabled: true, twoFactorPending: false })
    expect((await mailsTo(deps.db, email)).map((m) => m.template)).toContain('twoFactorEnabled')
    expect((await auditActions(deps, user.id)).map((a) => a.action)).toContain('auth.2fa_enabled')
  })

  test('a wrong code does not enable 2FA', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const { secret } = await (await client.api()).twoFactor.setup()
    const right = totpCode(secret, deps.clock.now())
    const wrong = right === '000000' ? '000001' : '000000'

    await expectRefusal((await client.api()).twoFactor.enable({ code: wrong }), 'BAD_REQUEST', 'auth.totpInvalid')
    expect((await userByEmail(deps, email)).totpEnabledAt).toBeNull()
    // Enabling without a setup first is refused too.
    const other = await createMember(deps, { firstName: 'Ander' })
    await expectRefusal((await other.client.api()).twoFactor.enable({ code: right }), 'BAD_REQUEST', 'auth.totpSetupMissing')
  })

  test('the stored TOTP secret is encrypted', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const { secret } = await turnOnTwoFactor(deps, client)

    // Read the column as the database holds it, not through the ORM.
    const result = await deps.db.execute(sql`select totp_secret from users where email = ${email}`)
    const [row] = rowsOf<{ totp_secret: string }>(result)
    expect(row!.totp_secret.startsWith('v1.')).toBe(true)
    expect(row!.totp_secret).not.toContain(secret)
    expect(row!.totp_secret.toLowerCase()).not.toContain(secret.toLowerCase())
    expect(deps.cipher.decrypt(row!.totp_secret)).toBe(secret)
  })

  test('login with 2FA waits for the code; protected procedures refuse until it is given, then a new token is issued', async () => {
    const deps = makeDeps(db())
    const { client: first, email } = await createMember(deps)
    const { secret } = await turnOnTwoFactor(deps, first)
    const client = new TestClient(deps, '198.51.100.1')

    await expect((await client.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'totp_required' })
    const pending = client.token
    expect(pending).toBeTruthy()
    expect(await (await client.api()).auth.me()).toMatchObject({ email, twoFactorEnabled: true, twoFactorPending: true })
    await expectRefusal((await client.api()).auth.sessions(), 'UNAUTHORIZED', 'auth.totpRequired')
    await expectRefusal((await client.api()).auth.revokeOtherSessions(), 'UNAUTHORIZED', 'auth.totpRequired')
    await expectRefusal((await client.api()).auth.reauthenticate({ password: PASSWORD }), 'UNAUTHORIZED', 'auth.totpRequired')
    await expectRefusal((await client.api()).twoFactor.regenerateRecoveryCodes(), 'UNAUTHORIZED', 'auth.totpRequired')
    // The first device keeps its verified session meanwhile.
    await expect((await first.api()).auth.sessions()).resolves.toHaveLength(2)

    const right = totpCode(secret, deps.clock.now())
    const wrong = right === '000000' ? '000001' : '000000'
    await expectRefusal((await client.api()).auth.verifyTotp({ code: wrong }), 'UNAUTHORIZED', 'auth.totpInvalid')
    expect(client.token).toBe(pending)

    await expect((await client.api()).auth.verifyTotp({ code: right })).resolves.toEqual({ status: 'ok' })
    expect(client.token).not.toBe(pending)
    expect(await tokenWorks(deps, pending)).toBe(false)
    expect((await sessionRow(deps, client.token))?.twoFactorVerified).toBe(true)
    expect(await (await client.api()).auth.me()).toMatchObject({ twoFactorPending: false })
    await expect((await client.api()).auth.sessions()).resolves.toHaveLength(2)
  })

  test('the code step is only for a waiting session', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    await expectRefusal((await client.api()).auth.verifyTotp({ code: '123456' }), 'FORBIDDEN', 'error.forbidden')
    await expectRefusal((await new TestClient(deps).api()).auth.verifyTotp({ code: '123456' }), 'UNAUTHORIZED', 'error.unauthorized')
    await expectRefusal((await new TestClient(deps).api()).auth.useRecoveryCode({ code: 'abcde-fghij-klmno' }), 'UNAUTHORIZED', 'error.unauthorized')
  })

  test('enabling 2FA makes the member’s other existing sessions give the code too', async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    const phone = new TestClient(deps, '198.51.100.2')
    await (await phone.api()).auth.logIn({ email, password: PASSWORD })

    const { secret } = await turnOnTwoFactor(deps, laptop)

    await expect((await laptop.api()).auth.sessions()).resolves.toHaveLength(2)
    await expectRefusal((await phone.api()).auth.sessions(), 'UNAUTHORIZED', 'auth.totpRequired')
    await expect((await phone.api()).auth.verifyTotp({ code: totpCode(secret, deps.clock.now()) })).resolves.toEqual({ status: 'ok' })
    await expect((await phone.api()).auth.sessions()).resolves.toHaveLength(2)
  })

  test('a code cannot be replayed: not the same code, nor a code of an older step', async () => {
    const deps = makeDeps(db())
    const { client: first, email } = await createMember(deps)
    const { secret } = await turnOnTwoFactor(deps, first) // step S used by enable; clock now at S+1
    deps.clock.advance(30_000) // now S+2

    const a = new TestClient(deps, '198.51.100.3')
    await (await a.api()).auth.logIn({ email, password: PASSWORD })
    const code = totpCode(secret, deps.clock.now())
    await expect((await a.api()).auth.verifyTotp({ code })).resolves.toEqual({ status: 'ok' })

    // Someone who saw that code (same step, still within its 30 s) tries it for another login.
    const b = new TestClient(deps, '198.51.100.4')
    await expect((await b.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'totp_required' })
    await expectRefusal((await b.api()).auth.verifyTotp({ code }), 'UNAUTHORIZED', 'auth.totpInvalid')
    // The previous step's code would pass the ±1 step drift window, but it is older than the used one.
    await expectRefusal((await b.api()).auth.verifyTotp({ code: totpCode(secret, deps.clock.now(), -1) }), 'UNAUTHORIZED', 'auth.totpInvalid')
    expect(await (await b.api()).auth.me()).toMatchObject({ twoFactorPending: true })

    // The next step's code is fresh and works.
    deps.clock.advance(30_000)
    await expect((await b.api()).auth.verifyTotp({ code: totpCode(secret, deps.clock.now()) })).resolves.toEqual({ status: 'ok' })
  })

  test("the drift window accepts the previous step's code when no newer code was used", async () => {
    // The control for the replay test: the "older step" refusal above is the replay guard at work,
    // not the drift window.
    const deps = makeDeps(db())
    const { client: first, email } = await createMember(deps)
    const { secret } = await turnOnTwoFactor(deps, first) // step S used; now S+1
    deps.clock.advance(30_000) // now S+2: the previous step S+1 was never used

    const client = new TestClient(deps, '198.51.100.5')
    await (await client.api()).auth.logIn({ email, password: PASSWORD })
    await expect((await client.api()).auth.verifyTotp({ code: totpCode(secret, deps.clock.now(), -1) })).resolves.toEqual({ status: 'ok' })
  })

  test('a recovery code works once and the count of remaining codes goes down', async () => {
    const deps = makeDeps(db())
    const { client: first, email } = await createMember(deps)
    const { recoveryCodes } = await turnOnTwoFactor(deps, first)

    const a = new TestClient(deps, '198.51.100.6')
    await (await a.api()).auth.logIn({ email, password: PASSWORD })
    const pending = a.token
    await expect((await a.api()).auth.useRecoveryCode({ code: recoveryCodes[0]! })).resolves.toEqual({ status: 'ok', remaining: 9 })
    expect(a.token).not.toBe(pending)
    expect(await tokenWorks(deps, pending)).toBe(false)
    await expect((await a.api()).auth.sessions()).resolves.toBeTruthy()

    const b = new TestClient(deps, '198.51.100.7')
    await (await b.api()).auth.logIn({ email, password: PASSWORD })
    await expectRefusal((await b.api()).auth.useRecoveryCode({ code: recoveryCodes[0]! }), 'UNAUTHORIZED', 'auth.recoveryCodeInvalid')
    expect(await (await b.api()).auth.me()).toMatchObject({ twoFactorPending: true })
    // Typed in capitals without dashes, the next code still works.
    const typed = recoveryCodes[1]!.replaceAll('-', '').toUpperCase()
    await expect((await b.api()).auth.useRecoveryCode({ code: typed })).resolves.toEqual({ status: 'ok', remaining: 8 })

    const notices = (await mailsTo(deps.db, email)).filter((m) => m.template === 'recoveryCodeUsed')
    expect(notices).toHaveLength(2)
  })

  test('disabling needs the right password; afterwards login is password-only', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const { recoveryCodes } = await turnOnTwoFactor(deps, client)

    await expectRefusal((await client.api()).twoFactor.disable({ password: 'niet-het-wachtwoord' }), 'UNAUTHORIZED', 'auth.passwordWrong')
    expect((await userByEmail(deps, email)).totpEnabledAt).not.toBeNull()

    await expect((await client.api()).twoFactor.disable({ password: PASSWORD })).resolves.toEqual({ ok: true })
    const user = await userByEmail(deps, email)
    expect(user).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null })
    expect(await deps.db.select().from(recoveryCodesTable).where(eq(recoveryCodesTable.userId, user.id))).toHaveLength(0)
    expect((await mailsTo(deps.db, email)).map((m) => m.template)).toContain('twoFactorDisabled')

    const later = new TestClient(deps, '198.51.100.8')
    await expect((await later.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
    await expect((await later.api()).auth.sessions()).resolves.toBeTruthy()
    await expectRefusal((await later.api()).auth.useRecoveryCode({ code: recoveryCodes[0]! }), 'FORBIDDEN', 'error.forbidden')
  })

  test('regenerating recovery codes makes the old ones stop working', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const { recoveryCodes: old } = await turnOnTwoFactor(deps, client)

    const { recoveryCodes: fresh } = await (await client.api()).twoFactor.regenerateRecoveryCodes()
    expect(fresh).toHaveLength(10)
    expect(fresh.filter((code) => old.includes(code))).toEqual([])

    const other = new TestClient(deps, '198.51.100.9')
    await (await other.api()).auth.logIn({ email, password: PASSWORD })
    await expectRefusal((await other.api()).auth.useRecoveryCode({ code: old[0]! }), 'UNAUTHORIZED', 'auth.recoveryCodeInvalid')
    await expect((await other.api()).auth.useRecoveryCode({ code: fresh[0]! })).resolves.toEqual({ status: 'ok', remaining: 9 })
  })

  test('2FA cannot be set up twice', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    await turnOnTwoFactor(deps, client)
    await expectRefusal((await client.api()).twoFactor.setup(), 'CONFLICT', 'auth.totpAlreadyEnabled')
  })
})

import { describe, expect, test } from 'vitest'
import { HOUR, MINUTE } from '@jouwbot/auth'
import { createMember, PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { mailsTo } from '../helpers/mailbox.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { expectRefusal, expectThrottled, totpCode, turnOnTwoFactor, usersWithEmail } from '../helpers/flows.ts'

const db = useTestDatabase()

const WRONG = 'niet-het-wachtwoord'
const THROTTLED = 'auth.logInThrottled'
const person = { firstName: 'Sanne', lastName: 'de Vries' }
let ipCounter = 0
/** A client from an address nobody else in the test uses, so only the rule under test can trip. */
const freshClient = (deps: ReturnType<typeof makeDeps>) => new TestClient(deps, `198.51.${100 + (Math.floor(ipCounter / 250) % 100)}.${(ipCounter++ % 250) + 1}`)

describe('rate limits', () => {
  test('log-in per account + IP: 10 wrong passwords from one IP make that IP wait, even with the right password; the owner elsewhere logs in', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const attacker = new TestClient(deps, '192.0.2.66')
    const firstFailure = deps.clock.now()

    for (let i = 0; i < 10; i++) {
      await expectRefusal((await attacker.api()).auth.logIn({ email, password: WRONG }), 'UNAUTHORIZED', 'auth.invalidCredentials')
    }
    // Told clearly why and for how long (auth.logInThrottled carries the seconds to wait).
    expect(await expectThrottled((await attacker.api()).auth.logIn({ email, password: PASSWORD }), 15 * 60, THROTTLED)).toBe(15 * 60)
    expect(attacker.token).toBeNull()

    // The owner on another network, in a browser that never logged in (no device cookie): not locked out.
    const owner = freshClient(deps)
    await expect((await owner.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })

    // Trying on while throttled does not push the window further: it ends 15 minutes after it began.
    deps.clock.advance(10 * MINUTE)
    expect(await expectThrottled((await attacker.api()).auth.logIn({ email, password: WRONG }), 15 * 60, THROTTLED)).toBe(5 * 60)
    deps.clock.set(new Date(firstFailure.getTime() + 15 * MINUTE))
    await expectRefusal((await attacker.api()).auth.logIn({ email, password: WRONG }), 'UNAUTHORIZED', 'auth.invalidCredentials')
  })

  test("the owner's known browser (device cookie) logs in while an attacker has used up every other limit on the account", async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    expect(laptop.deviceCookie).toBeTruthy()
    // Guessing spread over many IPs: 5 × 10 failures, the account's limit for unknown browsers.
    for (let ip = 0; ip < 5; ip++) {
      const attacker = freshClient(deps)
      for (let i = 0; i < 10; i++) {
        await expectRefusal((await attacker.api()).auth.logIn({ email, password: WRONG }), 'UNAUTHORIZED', 'auth.invalidCredentials')
      }
    }
    // Any browser without the cookie now waits, even with the right password…
    await expectThrottled((await freshClient(deps).api()).auth.logIn({ email, password: PASSWORD }), 15 * 60, THROTTLED)
    // …and so does one carrying a cookie made for another account or a forged one.
    const other = await createMember(deps, { firstName: 'Ander' })
    const borrowed = freshClient(deps)
    borrowed.deviceCookie = other.client.deviceCookie
    await expectThrottled((await borrowed.api()).auth.logIn({ email, password: PASSWORD }), 15 * 60, THROTTLED)
    const forged = freshClient(deps)
    forged.deviceCookie = `${'A'.repeat(22)}.${'B'.repeat(22)}`
    await expectThrottled((await forged.api()).auth.logIn({ email, password: PASSWORD }), 15 * 60, THROTTLED)

    // The laptop the owner logged in on before: in, at once.
    await expect((await laptop.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
  })

  test('a known browser has its own limit: 10 wrong passwords, then it waits too', async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    for (let i = 0; i < 10; i++) {
      await expectRefusal((await laptop.api()).auth.logIn({ email, password: WRONG }), 'UNAUTHORIZED', 'auth.invalidCredentials')
    }
    await expectThrottled((await laptop.api()).auth.logIn({ email, password: PASSWORD }), 15 * 60, THROTTLED)
    // The window ends like any other.
    deps.clock.advance(15 * MINUTE)
    await expect((await laptop.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
  })

  test('right passwords are not counted: a member may log in again and again', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const shared = new TestClient(deps, '192.0.2.77')
    for (let i = 0; i < 12; i++) {
      await expect((await shared.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
      shared.deviceCookie = null
    }
  })

  test('unknown addresses are throttled exactly like known ones; another member is not affected', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const other = await createMember(deps, { firstName: 'Ander' })
    const unknown = uniqueEmail('onbekend')
    const attacker = new TestClient(deps, '192.0.2.88')

    for (let i = 0; i < 10; i++) {
      await expectRefusal((await attacker.api()).auth.logIn({ email, password: WRONG }), 'UNAUTHORIZED', 'auth.invalidCredentials')
      await expectRefusal((await attacker.api()).auth.logIn({ email: unknown, password: WRONG }), 'UNAUTHORIZED', 'auth.invalidCredentials')
    }
    // The 11th attempt looks the same whether or not the address has an account.
    await expectThrottled((await attacker.api()).auth.logIn({ email, password: WRONG }), 15 * 60, THROTTLED)
    await expectThrottled((await attacker.api()).auth.logIn({ email: unknown, password: WRONG }), 15 * 60, THROTTLED)
    await expect((await freshClient(deps).api()).auth.logIn({ email: other.email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
  })

  test('log-in per IP: 50 failures across different accounts, then that IP waits (other IPs do not)', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const busyIp = new TestClient(deps, '192.0.2.50')

    for (let i = 0; i < 50; i++) {
      await expectRefusal((await busyIp.api()).auth.logIn({ email: uniqueEmail(`proef${i}-`), password: WRONG }), 'UNAUTHORIZED', 'auth.invalidCredentials')
    }
    await expectThrottled((await busyIp.api()).auth.logIn({ email, password: PASSWORD }), 15 * 60, THROTTLED)
    expect(busyIp.token).toBeNull()
    await expect((await freshClient(deps).api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })

    deps.clock.advance(15 * MINUTE)
    await expect((await busyIp.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
  })

  test('second factor at login: 5 attempts per 15 minutes, then even the right code waits', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const { secret } = await turnOnTwoFactor(deps, client)
    // Enabling 2FA used one attempt of the same rule; start from a fresh window.
    deps.clock.advance(16 * MINUTE)

    const pending = freshClient(deps)
    await (await pending.api()).auth.logIn({ email, password: PASSWORD })
    const right = totpCode(secret, deps.clock.now())
    const wrong = right === '000000' ? '000001' : '000000'
    for (let i = 0; i < 5; i++) {
      await expectRefusal((await pending.api()).auth.verifyTotp({ code: wrong }), 'UNAUTHORIZED', 'auth.totpInvalid')
    }
    await expectThrottled((await pending.api()).auth.verifyTotp({ code: right }), 15 * 60)
    expect(await (await pending.api()).auth.me()).toMatchObject({ twoFactorPending: true })

    // After the window a new login with a fresh code gets through.
    deps.clock.advance(15 * MINUTE)
    const later = freshClient(deps)
    await (await later.api()).auth.logIn({ email, password: PASSWORD })
    await expect((await later.api()).auth.verifyTotp({ code: totpCode(secret, deps.clock.now()) })).resolves.toEqual({ status: 'ok' })
  })

  test('recovery codes count against the same second-factor limit', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const { recoveryCodes } = await turnOnTwoFactor(deps, client)
    deps.clock.advance(16 * MINUTE)

    const pending = freshClient(deps)
    await (await pending.api()).auth.logIn({ email, password: PASSWORD })
    for (let i = 0; i < 5; i++) {
      await expectRefusal((await pending.api()).auth.useRecoveryCode({ code: `aaaaa-bbbbb-${i}cccc` }), 'UNAUTHORIZED', 'auth.recoveryCodeInvalid')
    }
    await expectThrottled((await pending.api()).auth.useRecoveryCode({ code: recoveryCodes[0]! }), 15 * 60)
  })

  test('second factor when re-entering sudo mode: 5 attempts per 15 minutes as well', async () => {
    // Someone holding a signed-in session and the password must not get more code guesses here
    // than at login.
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    const { secret } = await turnOnTwoFactor(deps, client)
    deps.clock.advance(16 * MINUTE)

    const right = totpCode(secret, deps.clock.now())
    const wrong = right === '000000' ? '000001' : '000000'
    for (let i = 0; i < 5; i++) {
      await expectRefusal((await client.api()).auth.reauthenticate({ password: PASSWORD, code: wrong }), 'UNAUTHORIZED', 'auth.totpInvalid')
    }
    await expectThrottled((await client.api()).auth.reauthenticate({ password: PASSWORD, code: right }), 15 * 60)
  })

  test('password-reset requests per IP: 20 an hour', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const busyIp = new TestClient(deps, '192.0.2.20')

    for (let i = 0; i < 20; i++) {
      await expect((await busyIp.api()).auth.requestPasswordReset({ email: uniqueEmail(`proef${i}-`) })).resolves.toEqual({ ok: true })
    }
    await expectThrottled((await busyIp.api()).auth.requestPasswordReset({ email }), 60 * 60)
    expect((await mailsTo(deps.db, email)).filter((m) => m.template === 'resetPassword')).toHaveLength(0)
    await expect((await freshClient(deps).api()).auth.requestPasswordReset({ email })).resolves.toEqual({ ok: true })

    deps.clock.advance(HOUR)
    await expect((await busyIp.api()).auth.requestPasswordReset({ email })).resolves.toEqual({ ok: true })
  })

  test('password-reset mails per account: at most 3 an hour, with the same answer', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const resetMails = async () => (await mailsTo(deps.db, email)).filter((m) => m.template === 'resetPassword')

    for (let i = 0; i < 4; i++) {
      await expect((await freshClient(deps).api()).auth.requestPasswordReset({ email })).resolves.toEqual({ ok: true })
    }
    expect(await resetMails()).toHaveLength(3)
    deps.clock.advance(HOUR)
    await (await freshClient(deps).api()).auth.requestPasswordReset({ email })
    expect(await resetMails()).toHaveLength(4)
  })

  test('sign-up per IP: 10 an hour', async () => {
    const deps = makeDeps(db())
    const busyIp = new TestClient(deps, '192.0.2.10')

    for (let i = 0; i < 10; i++) {
      await expect((await busyIp.api()).auth.signUp({ email: uniqueEmail(), password: PASSWORD, ...person })).resolves.toEqual({ ok: true })
    }
    const eleventh = uniqueEmail()
    await expectThrottled((await busyIp.api()).auth.signUp({ email: eleventh, password: PASSWORD, ...person }), 60 * 60)
    expect(await usersWithEmail(deps, eleventh)).toHaveLength(0)
    expect(await mailsTo(deps.db, eleventh)).toHaveLength(0)

    await expect((await freshClient(deps).api()).auth.signUp({ email: eleventh, password: PASSWORD, ...person })).resolves.toEqual({ ok: true })
    deps.clock.advance(HOUR)
    await expect((await busyIp.api()).auth.signUp({ email: uniqueEmail(), password: PASSWORD, ...person })).resolves.toEqual({ ok: true })
  })
})

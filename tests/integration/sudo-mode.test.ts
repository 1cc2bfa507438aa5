import { describe, expect, test } from 'vitest'
import { MINUTE } from '@jouwbot/auth'
import { createMember, PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { expectRefusal, totpCode, turnOnTwoFactor } from '../helpers/flows.ts'

const db = useTestDatabase()

const REFUSED = ['FORBIDDEN', 'auth.reauthenticationRequired'] as const

describe('sudo mode (recent password entry for security changes)', () => {
  test('a login opens sudo mode for 10 minutes', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    const loggedInAt = deps.clock.now()

    expect((await (await client.api()).auth.me())?.sudoUntil).toEqual(new Date(loggedInAt.getTime() + 10 * MINUTE))
    deps.clock.advance(9 * MINUTE)
    await expect((await client.api()).twoFactor.setup()).resolves.toMatchObject({ secret: expect.any(String) })
  })

  test('after 10 minutes every security change is refused until the password is entered again', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    deps.clock.advance(11 * MINUTE)
    const api = await client.api()

    expect((await api.auth.me())?.sudoUntil).toBeNull()
    await expectRefusal(api.auth.changePassword({ currentPassword: PASSWORD, newPassword: 'groene-giraffe-zingt-2026' }), ...REFUSED)
    await expectRefusal(api.auth.requestEmailChange({ newEmail: uniqueEmail('nieuw') }), ...REFUSED)
    await expectRefusal(api.twoFactor.setup(), ...REFUSED)
    await expectRefusal(api.twoFactor.enable({ code: '123456' }), ...REFUSED)
    await expectRefusal(api.twoFactor.disable({ password: PASSWORD }), ...REFUSED)
    await expectRefusal(api.twoFactor.regenerateRecoveryCodes(), ...REFUSED)
    // Everyday things still work outside sudo mode.
    await expect(api.auth.sessions()).resolves.toHaveLength(1)
  })

  test('reauthenticating with the password opens sudo mode again; a wrong password does not', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    deps.clock.advance(11 * MINUTE)

    await expectRefusal((await client.api()).auth.reauthenticate({ password: 'niet-het-wachtwoord' }), 'UNAUTHORIZED', 'auth.passwordWrong')
    await expectRefusal((await client.api()).twoFactor.setup(), ...REFUSED)

    const now = deps.clock.now()
    await expect((await client.api()).auth.reauthenticate({ password: PASSWORD })).resolves.toEqual({ sudoUntil: new Date(now.getTime() + 10 * MINUTE) })
    expect((await (await client.api()).auth.me())?.sudoUntil).toEqual(new Date(now.getTime() + 10 * MINUTE))
    await expect((await client.api()).twoFactor.setup()).resolves.toMatchObject({ secret: expect.any(String) })
  })

  test('sudo mode belongs to the session: reauthenticating on one device does not open it on another', async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    const phone = new TestClient(deps, '198.51.100.1')
    await (await phone.api()).auth.logIn({ email, password: PASSWORD })
    deps.clock.advance(11 * MINUTE)

    await (await laptop.api()).auth.reauthenticate({ password: PASSWORD })
    await expectRefusal((await phone.api()).twoFactor.setup(), ...REFUSED)
  })

  test('with 2FA on, reauthenticating also needs a fresh code', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    const { secret } = await turnOnTwoFactor(deps, client)
    deps.clock.advance(11 * MINUTE)
    const right = totpCode(secret, deps.clock.now())
    const wrong = right === '000000' ? '000001' : '000000'

    await expectRefusal((await client.api()).auth.reauthenticate({ password: PASSWORD }), 'UNAUTHORIZED', 'auth.totpRequired')
    await expectRefusal((await client.api()).auth.reauthenticate({ password: PASSWORD, code: wrong }), 'UNAUTHORIZED', 'auth.totpInvalid')
    await expectRefusal((await client.api()).auth.reauthenticate({ password: 'niet-het-wachtwoord', code: right }), 'UNAUTHORIZED', 'auth.passwordWrong')
    await expectRefusal((await client.api()).twoFactor.regenerateRecoveryCodes(), ...REFUSED)

    await expect((await client.api()).auth.reauthenticate({ password: PASSWORD, code: right })).resolves.toMatchObject({ sudoUntil: expect.any(Date) })
    await expect((await client.api()).twoFactor.regenerateRecoveryCodes()).resolves.toMatchObject({ recoveryCodes: expect.any(Array) })

    // The code just used (still in its 30 s step) cannot be used a second time.
    await expectRefusal((await client.api()).auth.reauthenticate({ password: PASSWORD, code: right }), 'UNAUTHORIZED', 'auth.totpInvalid')
  })

  test('reauthenticate needs a full session', async () => {
    const deps = makeDeps(db())
    await expectRefusal((await new TestClient(deps).api()).auth.reauthenticate({ password: PASSWORD }), 'UNAUTHORIZED', 'error.unauthorized')
  })
})

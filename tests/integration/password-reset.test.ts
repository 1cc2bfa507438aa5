import { describe, expect, test } from 'vitest'
import { HOUR, MINUTE, SECOND } from '@jouwbot/auth'
import { createMember, PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { lastLinkToken, mailsTo } from '../helpers/mailbox.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { expectRefusal, tokenWorks, totpCode, turnOnTwoFactor, userByEmail } from '../helpers/flows.ts'

const db = useTestDatabase()

const NEW_PASSWORD = 'groene-giraffe-zingt-2026'

describe('password reset', () => {
  test('known and unknown addresses get the same answer; only the known one gets a mail', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const unknown = uniqueEmail('onbekend')
    const api = await new TestClient(deps, '198.51.100.1').api()

    const forKnown = await api.auth.requestPasswordReset({ email })
    const forUnknown = await api.auth.requestPasswordReset({ email: unknown })

    expect(forKnown).toEqual({ ok: true })
    expect(forUnknown).toEqual(forKnown)
    expect(await mailsTo(deps.db, unknown)).toHaveLength(0)
    expect((await mailsTo(deps.db, email)).filter((m) => m.template === 'resetPassword')).toHaveLength(1)
  })

  test('the link sets a new password, once; the old password stops working', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const client = new TestClient(deps, '198.51.100.2')
    await (await client.api()).auth.requestPasswordReset({ email })
    const token = await lastLinkToken(deps.db, email, '/reset-password')

    await expect((await client.api()).auth.resetPassword({ token, password: NEW_PASSWORD })).resolves.toEqual({ ok: true })
    await expectRefusal((await client.api()).auth.resetPassword({ token, password: 'nog-een-ander-wachtwoord' }), 'BAD_REQUEST', 'auth.tokenInvalid')

    await expectRefusal((await client.api()).auth.logIn({ email, password: PASSWORD }), 'UNAUTHORIZED', 'auth.invalidCredentials')
    await expect((await client.api()).auth.logIn({ email, password: NEW_PASSWORD })).resolves.toEqual({ status: 'ok' })
    expect((await mailsTo(deps.db, email)).map((m) => m.template)).toContain('passwordChanged')
  })

  test('a link is still good just before one hour', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const api = await new TestClient(deps, '198.51.100.3').api()
    await api.auth.requestPasswordReset({ email })
    deps.clock.advance(HOUR - MINUTE)
    await expect(api.auth.resetPassword({ token: await lastLinkToken(deps.db, email, '/reset-password'), password: NEW_PASSWORD })).resolves.toEqual({ ok: true })
  })

  test('a link older than one hour is refused and the password stays', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const client = new TestClient(deps, '198.51.100.4')
    await (await client.api()).auth.requestPasswordReset({ email })
    const token = await lastLinkToken(deps.db, email, '/reset-password')
    deps.clock.advance(HOUR + SECOND)

    await expectRefusal((await client.api()).auth.resetPassword({ token, password: NEW_PASSWORD }), 'BAD_REQUEST', 'auth.tokenInvalid')
    await expect((await client.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
  })

  test('only the newest reset link works', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const api = await new TestClient(deps, '198.51.100.5').api()
    await api.auth.requestPasswordReset({ email })
    const older = await lastLinkToken(deps.db, email, '/reset-password')
    deps.clock.advance(MINUTE)
    await api.auth.requestPasswordReset({ email })
    const newer = await lastLinkToken(deps.db, email, '/reset-password')
    expect(newer).not.toBe(older)

    await expectRefusal(api.auth.resetPassword({ token: older, password: NEW_PASSWORD }), 'BAD_REQUEST', 'auth.tokenInvalid')
    await expect(api.auth.resetPassword({ token: newer, password: NEW_PASSWORD })).resolves.toEqual({ ok: true })
  })

  test('a common new password is refused and the link stays usable', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const api = await new TestClient(deps, '198.51.100.6').api()
    await api.auth.requestPasswordReset({ email })
    const token = await lastLinkToken(deps.db, email, '/reset-password')

    await expectRefusal(api.auth.resetPassword({ token, password: 'password1' }), 'BAD_REQUEST', 'auth.passwordCommon')
    await expect(api.auth.resetPassword({ token, password: NEW_PASSWORD })).resolves.toEqual({ ok: true })
  })

  test('a reset signs the account out everywhere and does not log in', async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    const phone = new TestClient(deps, '198.51.100.7')
    await (await phone.api()).auth.logIn({ email, password: PASSWORD })
    const other = await createMember(deps, { firstName: 'Ander' })

    const resetter = new TestClient(deps, '198.51.100.8')
    await (await resetter.api()).auth.requestPasswordReset({ email })
    await (await resetter.api()).auth.resetPassword({ token: await lastLinkToken(deps.db, email, '/reset-password'), password: NEW_PASSWORD })

    expect(await tokenWorks(deps, laptop.token)).toBe(false)
    expect(await tokenWorks(deps, phone.token)).toBe(false)
    expect(await tokenWorks(deps, other.client.token)).toBe(true)
    expect(resetter.token).toBeNull()
    expect(await (await resetter.api()).auth.me()).toBeNull()
  })

  test('the reset link also proves an unverified address', async () => {
    const deps = makeDeps(db())
    const email = uniqueEmail()
    const client = new TestClient(deps, '198.51.100.9')
    await (await client.api()).auth.signUp({ email, password: PASSWORD, firstName: 'Sanne', lastName: 'de Vries' })
    await (await client.api()).auth.requestPasswordReset({ email })
    await (await client.api()).auth.resetPassword({ token: await lastLinkToken(deps.db, email, '/reset-password'), password: NEW_PASSWORD })

    expect((await userByEmail(deps, email)).emailVerifiedAt).not.toBeNull()
    await expect((await client.api()).auth.logIn({ email, password: NEW_PASSWORD })).resolves.toEqual({ status: 'ok' })
  })

  test('a reset never bypasses the second factor', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const { secret } = await turnOnTwoFactor(deps, client)

    const stranger = new TestClient(deps, '198.51.100.10')
    await (await stranger.api()).auth.requestPasswordReset({ email })
    await (await stranger.api()).auth.resetPassword({ token: await lastLinkToken(deps.db, email, '/reset-password'), password: NEW_PASSWORD })
    expect((await userByEmail(deps, email)).totpEnabledAt).not.toBeNull()

    await expect((await stranger.api()).auth.logIn({ email, password: NEW_PASSWORD })).resolves.toEqual({ status: 'totp_required' })
    expect(await (await stranger.api()).auth.me()).toMatchObject({ twoFactorEnabled: true, twoFactorPending: true })
    await expectRefusal((await stranger.api()).auth.sessions(), 'UNAUTHORIZED', 'auth.totpRequired')
    await expectRefusal(
      (await stranger.api()).account.updateProfile({ firstName: 'X', lastName: 'Y', locale: 'nl', newsletter: false }),
      'UNAUTHORIZED',
      'auth.totpRequired',
    )
    await expectRefusal((await stranger.api()).twoFactor.disable({ password: NEW_PASSWORD }), 'UNAUTHORIZED', 'auth.totpRequired')
    await expectRefusal((await stranger.api()).auth.changePassword({ currentPassword: NEW_PASSWORD, newPassword: 'weer-een-nieuw-wachtwoord' }), 'UNAUTHORIZED', 'auth.totpRequired')

    await expect((await stranger.api()).auth.verifyTotp({ code: totpCode(secret, deps.clock.now()) })).resolves.toEqual({ status: 'ok' })
    await expect((await stranger.api()).auth.sessions()).resolves.toHaveLength(1)
  })
})

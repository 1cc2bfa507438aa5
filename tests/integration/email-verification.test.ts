import { describe, expect, test } from 'vitest'
import { HOUR, MINUTE, SECOND } from '@jouwbot/auth'
import { PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { lastLinkToken, mailsTo } from '../helpers/mailbox.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { auditActions, expectRefusal, userByEmail } from '../helpers/flows.ts'

const db = useTestDatabase()

async function signUp(deps: ReturnType<typeof makeDeps>, client = new TestClient(deps)) {
  const email = uniqueEmail()
  await (await client.api()).auth.signUp({ email, password: PASSWORD, firstName: 'Sanne', lastName: 'de Vries' })
  return { client, email }
}

const verificationMails = async (deps: ReturnType<typeof makeDeps>, email: string) =>
  (await mailsTo(deps.db, email)).filter((m) => m.template === 'verifyEmail')

describe('e-mail verification', () => {
  test('the link verifies the address once; a second use is refused', async () => {
    const deps = makeDeps(db())
    const { client, email } = await signUp(deps)
    const token = await lastLinkToken(deps.db, email, '/verify-email')
    deps.clock.advance(5 * MINUTE)
    const verifiedAt = deps.clock.now()

    await expect((await client.api()).auth.verifyEmail({ token })).resolves.toEqual({ ok: true })
    const user = await userByEmail(deps, email)
    expect(user.emailVerifiedAt).toEqual(verifiedAt)
    expect((await auditActions(deps, user.id)).map((a) => a.action)).toContain('account.email_verified')

    await expectRefusal((await client.api()).auth.verifyEmail({ token }), 'BAD_REQUEST', 'auth.tokenInvalid')
    // Verifying does not log in.
    expect(client.token).toBeNull()
  })

  test('a link is still good just before 24 hours', async () => {
    const deps = makeDeps(db())
    const { client, email } = await signUp(deps)
    const token = await lastLinkToken(deps.db, email, '/verify-email')
    deps.clock.advance(24 * HOUR - MINUTE)
    await expect((await client.api()).auth.verifyEmail({ token })).resolves.toEqual({ ok: true })
  })

  test('a link older than 24 hours is refused and the address stays unverified', async () => {
    const deps = makeDeps(db())
    const { client, email } = await signUp(deps)
    const token = await lastLinkToken(deps.db, email, '/verify-email')
    deps.clock.advance(24 * HOUR + SECOND)

    await expectRefusal((await client.api()).auth.verifyEmail({ token }), 'BAD_REQUEST', 'auth.tokenInvalid')
    expect((await userByEmail(deps, email)).emailVerifiedAt).toBeNull()
  })

  test('a made-up token is refused', async () => {
    const deps = makeDeps(db())
    await signUp(deps)
    const api = await new TestClient(deps).api()
    await expectRefusal(api.auth.verifyEmail({ token: 'a'.repeat(52) }), 'BAD_REQUEST', 'auth.tokenInvalid')
  })

  test('a new verification mail makes the older link stop working', async () => {
    const deps = makeDeps(db())
    const { client, email } = await signUp(deps)
    const older = await lastLinkToken(deps.db, email, '/verify-email')

    deps.clock.advance(MINUTE)
    await expect((await client.api()).auth.resendVerification({ email })).resolves.toEqual({ ok: true })
    const newer = await lastLinkToken(deps.db, email, '/verify-email')
    expect(newer).not.toBe(older)
    expect(await verificationMails(deps, email)).toHaveLength(2)

    await expectRefusal((await client.api()).auth.verifyEmail({ token: older }), 'BAD_REQUEST', 'auth.tokenInvalid')
    expect((await userByEmail(deps, email)).emailVerifiedAt).toBeNull()
    await expect((await client.api()).auth.verifyEmail({ token: newer })).resolves.toEqual({ ok: true })
  })

  test('resending answers the same for unknown and already verified addresses, and mails nothing', async () => {
    const deps = makeDeps(db())
    const { client, email } = await signUp(deps)
    await (await client.api()).auth.verifyEmail({ token: await lastLinkToken(deps.db, email, '/verify-email') })
    const unknown = uniqueEmail('onbekend')

    await expect((await client.api()).auth.resendVerification({ email })).resolves.toEqual({ ok: true })
    await expect((await client.api()).auth.resendVerification({ email: unknown })).resolves.toEqual({ ok: true })
    expect(await verificationMails(deps, email)).toHaveLength(1)
    expect(await mailsTo(deps.db, unknown)).toHaveLength(0)
  })

  test('logging in before verification is refused and mails a fresh link (the old one stops working)', async () => {
    const deps = makeDeps(db())
    const { client, email } = await signUp(deps)
    const older = await lastLinkToken(deps.db, email, '/verify-email')
    deps.clock.advance(MINUTE)

    await expectRefusal((await client.api()).auth.logIn({ email, password: PASSWORD }), 'FORBIDDEN', 'auth.emailNotVerified')
    expect(client.token).toBeNull()
    expect(await (await client.api()).auth.me()).toBeNull()
    expect(await verificationMails(deps, email)).toHaveLength(2)

    const fresh = await lastLinkToken(deps.db, email, '/verify-email')
    expect(fresh).not.toBe(older)
    await expectRefusal((await client.api()).auth.verifyEmail({ token: older }), 'BAD_REQUEST', 'auth.tokenInvalid')
    await (await client.api()).auth.verifyEmail({ token: fresh })
    await expect((await client.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
  })

  test('an unverified account with a wrong password says only "invalid credentials" and mails nothing', async () => {
    const deps = makeDeps(db())
    const { client, email } = await signUp(deps)

    await expectRefusal((await client.api()).auth.logIn({ email, password: 'niet-het-wachtwoord' }), 'UNAUTHORIZED', 'auth.invalidCredentials')
    expect(await verificationMails(deps, email)).toHaveLength(1)
  })
})

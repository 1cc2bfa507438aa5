import { describe, expect, test } from 'vitest'
import { eq, users } from '@jouwbot/db'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { lastLinkToken, mailsTo } from '../helpers/mailbox.ts'
import { createMember, PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { turnOnTwoFactor } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

describe('sign up → verify → log in', () => {
  test('a new member verifies the address by mail and then logs in', async () => {
    const deps = makeDeps(db())
    const client = new TestClient(deps)
    const email = uniqueEmail()

    await expect((await client.api()).auth.signUp({ email, password: PASSWORD, firstName: 'Sanne', lastName: 'de Vries' })).resolves.toEqual({ ok: true })
    const [user] = await deps.db.select().from(users).where(eq(users.email, email))
    expect(user?.emailVerifiedAt).toBeNull()
    expect(user?.newsletterConsentAt).toBeNull()
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/)

    await expect((await client.api()).auth.logIn({ email, password: PASSWORD })).rejects.toMatchObject({ message: 'auth.emailNotVerified' })

    const token = await lastLinkToken(deps.db, email, '/verify-email')
    await (await client.api()).auth.verifyEmail({ token })
    await expect((await client.api()).auth.verifyEmail({ token })).rejects.toMatchObject({ message: 'auth.tokenInvalid' })

    await expect((await client.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
    const me = await (await client.api()).auth.me()
    expect(me).toMatchObject({ email, firstName: 'Sanne', emailVerified: true, twoFactorEnabled: false, role: 'member' })
    expect((await mailsTo(deps.db, email)).map((m) => m.template)).toContain('verifyEmail')
  })
})

describe('a session waiting for the second factor', () => {
  test('expires after 10 minutes and cannot be stretched by activity', async () => {
    const deps = makeDeps(db())
    const { client, email, password } = await createMember(deps)
    await turnOnTwoFactor(deps, client)
    const pending = new TestClient(deps)
    await expect((await pending.api()).auth.logIn({ email, password })).resolves.toEqual({ status: 'totp_required' })
    deps.clock.advance(9 * 60_000)
    expect(await (await pending.api()).auth.me()).toMatchObject({ twoFactorPending: true })
    deps.clock.advance(2 * 60_000)
    expect(await (await pending.api()).auth.me()).toBeNull()
  })
})

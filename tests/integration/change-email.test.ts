import { describe, expect, test } from 'vitest'
import { DAY, MINUTE, SECOND } from '@jouwbot/auth'
import { createMember, PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { lastLinkToken, mailsTo } from '../helpers/mailbox.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { auditActions, expectRefusal, userByEmail, usersWithEmail } from '../helpers/flows.ts'

const db = useTestDatabase()

describe('change e-mail address', () => {
  test('needs sudo mode', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const newEmail = uniqueEmail('nieuw')
    deps.clock.advance(11 * MINUTE)

    await expectRefusal((await client.api()).auth.requestEmailChange({ newEmail }), 'FORBIDDEN', 'auth.reauthenticationRequired')
    expect(await mailsTo(deps.db, newEmail)).toHaveLength(0)
    expect((await userByEmail(deps, email)).email).toBe(email)
  })

  test('the address changes only once the link mailed to the new address is used', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const user = await userByEmail(deps, email)
    const newEmail = uniqueEmail('nieuw')

    await expect((await client.api()).auth.requestEmailChange({ newEmail: newEmail.toUpperCase() })).resolves.toEqual({ ok: true })

    // Nothing changed yet; the link went to the new address, not the old one.
    expect((await (await client.api()).auth.me())?.email).toBe(email)
    expect((await mailsTo(deps.db, newEmail)).map((m) => m.template)).toEqual(['confirmEmailChange'])
    expect((await mailsTo(deps.db, email)).map((m) => m.template)).not.toContain('confirmEmailChange')
    const token = await lastLinkToken(deps.db, newEmail, '/confirm-email')

    deps.clock.advance(MINUTE)
    await expect((await new TestClient(deps).api()).auth.confirmEmailChange({ token })).resolves.toEqual({ ok: true })

    expect((await (await client.api()).auth.me())?.email).toBe(newEmail)
    expect((await userByEmail(deps, newEmail)).id).toBe(user.id)
    expect(await usersWithEmail(deps, email)).toHaveLength(0)
    const notice = (await mailsTo(deps.db, email)).filter((m) => m.template === 'emailChanged')
    expect(notice).toHaveLength(1)
    expect(notice[0]!.text).toContain(newEmail)
    expect((await auditActions(deps, user.id)).map((a) => a.action)).toContain('account.email_changed')

    // The link works once.
    await expectRefusal((await new TestClient(deps).api()).auth.confirmEmailChange({ token }), 'BAD_REQUEST', 'auth.tokenInvalid')
    // Logging in goes by the new address now.
    const fresh = await new TestClient(deps, '198.51.100.1').api()
    await expectRefusal(fresh.auth.logIn({ email, password: PASSWORD }), 'UNAUTHORIZED', 'auth.invalidCredentials')
    await expect((await new TestClient(deps, '198.51.100.1').api()).auth.logIn({ email: newEmail, password: PASSWORD })).resolves.toEqual({ status: 'ok' })
  })

  test("another account's address: the same answer, a notice to that address, and no change", async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const other = await createMember(deps, { firstName: 'Ander' })
    const free = uniqueEmail('vrij')

    const forTaken = await (await client.api()).auth.requestEmailChange({ newEmail: other.email })
    const forFree = await (await client.api()).auth.requestEmailChange({ newEmail: free })

    expect(forTaken).toEqual(forFree)
    const otherMails = (await mailsTo(deps.db, other.email)).map((m) => m.template)
    expect(otherMails).toContain('emailChangeTaken')
    expect(otherMails).not.toContain('confirmEmailChange')
    expect((await userByEmail(deps, email)).email).toBe(email)
    expect((await userByEmail(deps, other.email)).firstName).toBe('Ander')
  })

  test('an address taken between request and confirmation is not handed over', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const newEmail = uniqueEmail('nieuw')
    await (await client.api()).auth.requestEmailChange({ newEmail })
    const token = await lastLinkToken(deps.db, newEmail, '/confirm-email')
    await createMember(deps, { email: newEmail, firstName: 'Snel' })

    await expectRefusal((await new TestClient(deps).api()).auth.confirmEmailChange({ token }), 'CONFLICT', 'auth.emailTaken')
    expect((await userByEmail(deps, email)).email).toBe(email)
    expect((await userByEmail(deps, newEmail)).firstName).toBe('Snel')
  })

  test('the confirmation link expires after 24 hours', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const newEmail = uniqueEmail('nieuw')
    await (await client.api()).auth.requestEmailChange({ newEmail })
    const token = await lastLinkToken(deps.db, newEmail, '/confirm-email')
    deps.clock.advance(DAY + SECOND)

    await expectRefusal((await new TestClient(deps).api()).auth.confirmEmailChange({ token }), 'BAD_REQUEST', 'auth.tokenInvalid')
    expect((await userByEmail(deps, email)).email).toBe(email)
  })
})

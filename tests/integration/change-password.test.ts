import { describe, expect, test } from 'vitest'
import { MINUTE } from '@jouwbot/auth'
import { createMember, PASSWORD } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { mailsTo } from '../helpers/mailbox.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { auditActions, expectRefusal, tokenWorks, userByEmail } from '../helpers/flows.ts'

const db = useTestDatabase()

const NEW_PASSWORD = 'groene-giraffe-zingt-2026'

describe('change password', () => {
  test('needs the current password', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const before = (await userByEmail(deps, email)).passwordHash

    await expectRefusal(
      (await client.api()).auth.changePassword({ currentPassword: 'niet-het-wachtwoord', newPassword: NEW_PASSWORD }),
      'UNAUTHORIZED',
      'auth.passwordWrong',
    )
    expect((await userByEmail(deps, email)).passwordHash).toBe(before)
    // A wrong current password is not a reason to log the member out.
    expect(await tokenWorks(deps, client.token)).toBe(true)
  })

  test('is refused outside sudo mode, and allowed again after reauthenticating', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    deps.clock.advance(11 * MINUTE)

    await expectRefusal(
      (await client.api()).auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
      'FORBIDDEN',
      'auth.reauthenticationRequired',
    )
    // The refused change left the password as it was.
    const elsewhere = await new TestClient(deps, '198.51.100.1').api()
    await expect(elsewhere.auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'ok' })

    await (await client.api()).auth.reauthenticate({ password: PASSWORD })
    await expect((await client.api()).auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).resolves.toEqual({ ok: true })
  })

  test('signs out the other sessions and keeps the current one', async () => {
    const deps = makeDeps(db())
    const { client: laptop, email } = await createMember(deps)
    const phone = new TestClient(deps, '198.51.100.2')
    await (await phone.api()).auth.logIn({ email, password: PASSWORD })
    const other = await createMember(deps, { firstName: 'Ander' })
    const laptopToken = laptop.token

    await (await laptop.api()).auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })

    expect(laptop.token).toBe(laptopToken)
    expect(await tokenWorks(deps, laptop.token)).toBe(true)
    expect(await tokenWorks(deps, phone.token)).toBe(false)
    expect(await tokenWorks(deps, other.client.token)).toBe(true)
  })

  test('the new password works at login, the old one does not; the member is told by mail', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const user = await userByEmail(deps, email)

    await (await client.api()).auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })

    const api = await new TestClient(deps, '198.51.100.3').api()
    await expectRefusal(api.auth.logIn({ email, password: PASSWORD }), 'UNAUTHORIZED', 'auth.invalidCredentials')
    await expect((await new TestClient(deps, '198.51.100.3').api()).auth.logIn({ email, password: NEW_PASSWORD })).resolves.toEqual({ status: 'ok' })
    expect((await mailsTo(deps.db, email)).map((m) => m.template)).toContain('passwordChanged')
    expect((await auditActions(deps, user.id)).map((a) => a.action)).toContain('auth.password_changed')
  })

  test('a common new password is refused', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps)
    await expectRefusal(
      (await client.api()).auth.changePassword({ currentPassword: PASSWORD, newPassword: 'qwerty123' }),
      'BAD_REQUEST',
      'auth.passwordCommon',
    )
  })
})

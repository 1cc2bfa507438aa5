import { describe, expect, test } from 'vitest'
import { PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { lastLinkToken, mailsTo } from '../helpers/mailbox.ts'
import { startTestServer } from '../helpers/test-server.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { auditActions, expectRefusal, rejectionOf, userByEmail, usersWithEmail } from '../helpers/flows.ts'

const db = useTestDatabase()

const person = { firstName: 'Sanne', lastName: 'de Vries' }

describe('sign up', () => {
  test('creates an unverified member with an argon2id hash and mails a verification link', async () => {
    const deps = makeDeps(db())
    const client = new TestClient(deps)
    const email = uniqueEmail()

    await expect((await client.api()).auth.signUp({ email, password: PASSWORD, ...person })).resolves.toEqual({ ok: true })

    const user = await userByEmail(deps, email)
    expect(user).toMatchObject({ email, firstName: 'Sanne', lastName: 'de Vries', role: 'member', locale: 'nl', emailVerifiedAt: null, totpSecret: null })
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    expect(user.passwordHash).not.toContain(PASSWORD)
    // Signing up does not log in: the address has to be verified first.
    expect(client.token).toBeNull()
    expect((await mailsTo(deps.db, email)).map((m) => m.template)).toEqual(['verifyEmail'])
    expect(await lastLinkToken(deps.db, email, '/verify-email')).toMatch(/^[a-z0-9]{40,}$/)
    expect((await auditActions(deps, user.id)).map((a) => a.action)).toEqual(['account.created'])
  })

  test('the newsletter is unticked by default: no consent is stored', async () => {
    const deps = makeDeps(db())
    const email = uniqueEmail()
    await (await new TestClient(deps).api()).auth.signUp({ email, password: PASSWORD, ...person })

    const user = await userByEmail(deps, email)
    expect(user.newsletterConsentAt).toBeNull()
    expect((await auditActions(deps, user.id)).map((a) => a.action)).not.toContain('consent.newsletter.given')
  })

  test('a ticked newsletter box stores the consent with its moment', async () => {
    const deps = makeDeps(db())
    deps.clock.advance(3 * 60_000)
    const signedUpAt = deps.clock.now()
    const email = uniqueEmail()
    await (await new TestClient(deps).api()).auth.signUp({ email, password: PASSWORD, ...person, newsletter: true })

    const user = await userByEmail(deps, email)
    expect(user.newsletterConsentAt).toEqual(signedUpAt)
    const consent = (await auditActions(deps, user.id)).filter((a) => a.action === 'consent.newsletter.given')
    expect(consent).toHaveLength(1)
    expect(consent[0]!.createdAt).toEqual(signedUpAt)
  })

  test('an address that already has an account gets the same answer; the owner is told by mail, nothing is created', async () => {
    const deps = makeDeps(db())
    const email = uniqueEmail()
    const first = await (await new TestClient(deps).api()).auth.signUp({ email, password: PASSWORD, ...person })
    const original = await userByEmail(deps, email)

    // Someone else tries the same address (in other capitals), with another password and name.
    const second = await (await new TestClient(deps, '198.51.100.20').api()).auth.signUp({
      email: email.toUpperCase(),
      password: 'een-heel-ander-wachtwoord',
      firstName: 'Indringer',
      lastName: 'X',
      newsletter: true,
    })

    expect(second).toEqual(first)
    const rows = await usersWithEmail(deps, email)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toEqual(original)
    const templates = (await mailsTo(deps.db, email)).map((m) => m.template).sort()
    expect(templates).toEqual(['signUpExisting', 'verifyEmail'])
    const notice = (await mailsTo(deps.db, email)).find((m) => m.template === 'signUpExisting')!
    expect(notice.text).toContain('Sanne')
    expect(notice.text).not.toContain('Indringer')
  })

  test.each(['password1', 'qwerty123', 'PassWord1'])('the common password %s is refused', async (password) => {
    const deps = makeDeps(db())
    const email = uniqueEmail()
    const api = await new TestClient(deps).api()
    await expectRefusal(api.auth.signUp({ email, password, ...person }), 'BAD_REQUEST', 'auth.passwordCommon')
    expect(await usersWithEmail(deps, email)).toHaveLength(0)
    expect(await mailsTo(deps.db, email)).toHaveLength(0)
  })

  test('invalid input is refused with BAD_REQUEST naming each wrong field', async () => {
    const deps = makeDeps(db())
    const api = await new TestClient(deps).api()

    const error = await rejectionOf(api.auth.signUp({ email: 'geen-adres', password: 'kort', firstName: '', lastName: ' ' }))
    expect(error.code).toBe('BAD_REQUEST')
    // createCaller throws the raw TRPCError; its cause is the zod error the formatter flattens.
    const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? []
    const messages = Object.fromEntries(issues.map((issue) => [String(issue.path[0]), issue.message]))
    expect(messages).toEqual({
      email: 'validation.email',
      password: 'validation.passwordTooShort',
      firstName: 'validation.required',
      lastName: 'validation.required',
    })
    expect(await usersWithEmail(deps, 'geen-adres')).toHaveLength(0)
  })

  test('fields the form does not have (e.g. a role) are refused, not ignored', async () => {
    const deps = makeDeps(db())
    const email = uniqueEmail()
    const input = { email, password: PASSWORD, ...person, role: 'admin' }
    const error = await rejectionOf((await new TestClient(deps).api()).auth.signUp(input as never))
    expect(error.code).toBe('BAD_REQUEST')
    expect(await usersWithEmail(deps, email)).toHaveLength(0)
  })

  test('over HTTP, an input error carries error.invalidInput and fieldErrors per field', async () => {
    const server = await startTestServer({ handle: db(), webDist: null })
    try {
      const response = await fetch(`${server.url}/trpc/auth.signUp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ json: { email: 'geen-adres', password: 'kort', firstName: 'Sanne', lastName: 'de Vries' } }),
      })
      expect(response.status).toBe(400)
      const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } }
      expect(body.error.json.message).toBe('error.invalidInput')
      expect(body.error.json.data).toMatchObject({
        code: 'BAD_REQUEST',
        key: 'error.invalidInput',
        fieldErrors: { email: ['validation.email'], password: ['validation.passwordTooShort'] },
      })
      expect(Object.keys(body.error.json.data.fieldErrors as object).sort()).toEqual(['email', 'password'])
    } finally {
      await server.close()
    }
  })

  test('the address is trimmed and stored in lower case; logging in with other capitals works', async () => {
    const deps = makeDeps(db())
    const client = new TestClient(deps)
    const email = uniqueEmail('hoofdletters')
    const typed = `  ${email.replace('hoofdletters', 'HoofdLetters').toUpperCase()} `

    await (await client.api()).auth.signUp({ email: typed, password: PASSWORD, ...person })

    expect((await userByEmail(deps, email)).email).toBe(email)
    await (await client.api()).auth.verifyEmail({ token: await lastLinkToken(deps.db, email, '/verify-email') })
    await expect((await client.api()).auth.logIn({ email: email.toUpperCase(), password: PASSWORD })).resolves.toEqual({ status: 'ok' })
    expect((await (await client.api()).auth.me())?.email).toBe(email)
  })
})

import { describe, expect, test } from 'vitest'
import { updateProfile } from '@jouwbot/api/account'
import { recordAudit } from '@jouwbot/api'
import { MINUTE } from '@jouwbot/auth'
import { createMember } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { mailsTo } from '../helpers/mailbox.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { auditActions, expectRefusal, rejectionOf, userByEmail } from '../helpers/flows.ts'

const db = useTestDatabase()

const consentRows = async (deps: ReturnType<typeof makeDeps>, userId: string) =>
  (await auditActions(deps, userId))
    .filter((a) => a.action.startsWith('consent.newsletter.'))
    .map((a) => ({ action: a.action, at: a.createdAt }))

describe('profile', () => {
  test('updateProfile changes the names and the language', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const user = await userByEmail(deps, email)

    const me = await (await client.api()).account.updateProfile({ firstName: '  Sanne Marie ', lastName: 'Jansen', locale: 'en', newsletter: false })

    expect(me).toMatchObject({ email, firstName: 'Sanne Marie', lastName: 'Jansen', locale: 'en', newsletter: false })
    expect(await userByEmail(deps, email)).toMatchObject({ firstName: 'Sanne Marie', lastName: 'Jansen', locale: 'en', newsletterConsentAt: null })
    expect(await (await client.api()).auth.me()).toMatchObject({ firstName: 'Sanne Marie', lastName: 'Jansen', locale: 'en' })
    const actions = (await auditActions(deps, user.id)).map((a) => a.action)
    expect(actions).toContain('account.profile_rectified')
    expect(actions.filter((a) => a.startsWith('consent.'))).toEqual([])

    // Mails now come in English.
    await (await new TestClient(deps, '198.51.100.1').api()).auth.requestPasswordReset({ email })
    expect((await mailsTo(deps.db, email))[0]).toMatchObject({ template: 'resetPassword', subject: 'Choose a new password' })
  })

  test('ticking and unticking the newsletter writes given / withdrawn audit rows with their moment', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const user = await userByEmail(deps, email)
    const profile = { firstName: 'Sanne', lastName: 'de Vries', locale: 'nl' as const }

    deps.clock.advance(MINUTE)
    const givenAt = deps.clock.now()
    expect(await (await client.api()).account.updateProfile({ ...profile, newsletter: true })).toMatchObject({ newsletter: true })
    expect((await userByEmail(deps, email)).newsletterConsentAt).toEqual(givenAt)

    // Saving again with the box still ticked keeps the original moment and writes nothing new.
    deps.clock.advance(MINUTE)
    await (await client.api()).account.updateProfile({ ...profile, lastName: 'Jansen', newsletter: true })
    expect((await userByEmail(deps, email)).newsletterConsentAt).toEqual(givenAt)

    deps.clock.advance(MINUTE)
    const withdrawnAt = deps.clock.now()
    expect(await (await client.api()).account.updateProfile({ ...profile, newsletter: false })).toMatchObject({ newsletter: false })
    expect((await userByEmail(deps, email)).newsletterConsentAt).toBeNull()

    deps.clock.advance(MINUTE)
    const givenAgainAt = deps.clock.now()
    await (await client.api()).account.updateProfile({ ...profile, newsletter: true })
    expect((await userByEmail(deps, email)).newsletterConsentAt).toEqual(givenAgainAt)

    expect(await consentRows(deps, user.id)).toEqual([
      { action: 'consent.newsletter.given', at: givenAt },
      { action: 'consent.newsletter.withdrawn', at: withdrawnAt },
      { action: 'consent.newsletter.given', at: givenAgainAt },
    ])
  })

  test('invalid profile input is refused and changes nothing', async () => {
    const deps = makeDeps(db())
    const { client, email } = await createMember(deps)
    const api = await client.api()

    expect((await rejectionOf(api.account.updateProfile({ firstName: ' ', lastName: 'de Vries', locale: 'nl', newsletter: false }))).code).toBe('BAD_REQUEST')
    expect((await rejectionOf(api.account.updateProfile({ firstName: 'S', lastName: 'V', locale: 'de' as never, newsletter: false }))).code).toBe('BAD_REQUEST')
    const sneaky = { firstName: 'S', lastName: 'V', locale: 'nl', newsletter: false, email: 'ander@example.nl', role: 'admin' }
    expect((await rejectionOf(api.account.updateProfile(sneaky as never))).code).toBe('BAD_REQUEST')
    expect(await userByEmail(deps, email)).toMatchObject({ firstName: 'Sanne', lastName: 'de Vries', role: 'member' })
  })

  test('anonymous callers cannot update a profile', async () => {
    const deps = makeDeps(db())
    await expectRefusal(
      (await new TestClient(deps).api()).account.updateProfile({ firstName: 'S', lastName: 'V', locale: 'nl', newsletter: true }),
      'UNAUTHORIZED',
      'error.unauthorized',
    )
  })
})

describe('services inside a caller’s transaction', () => {
  // PGlite has a single connection: a service that used the root handle while the caller holds a
  // transaction would wait for that transaction forever. These complete only if the services use
  // the `db` they are given; a hang fails on the 10 s timeout instead of the suite's 30 s.
  test('updateProfile and recordAudit run on the transaction handle and commit with it', { timeout: 10_000 }, async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const user = await userByEmail(deps, email)

    const updated = await deps.db.transaction(async (tx) => {
      const txDeps = { ...deps, db: tx }
      const row = await updateProfile(txDeps, user, { firstName: 'Binnen', lastName: 'Transactie', locale: 'en', newsletter: true })
      await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'test.inside_transaction' }, deps.clock.now())
      return row
    })

    expect(updated).toMatchObject({ firstName: 'Binnen', lastName: 'Transactie', locale: 'en' })
    expect(await userByEmail(deps, email)).toMatchObject({ firstName: 'Binnen', newsletterConsentAt: deps.clock.now() })
    const actions = (await auditActions(deps, user.id)).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['consent.newsletter.given', 'account.profile_rectified', 'test.inside_transaction']))
  })

  test('when the caller’s transaction rolls back, the service’s writes roll back too', { timeout: 10_000 }, async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const user = await userByEmail(deps, email)
    const auditBefore = await auditActions(deps, user.id)

    const error = await rejectionOf(
      deps.db.transaction(async (tx) => {
        await updateProfile({ ...deps, db: tx }, user, { firstName: 'Teruggedraaid', lastName: 'X', locale: 'en', newsletter: true })
        throw new Error('caller changes its mind')
      }),
    )

    expect(error.message).toBe('caller changes its mind')
    expect(await userByEmail(deps, email)).toMatchObject({ firstName: 'Sanne', locale: 'nl', newsletterConsentAt: null })
    expect(await auditActions(deps, user.id)).toEqual(auditBefore)
  })
})

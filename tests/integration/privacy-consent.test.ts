import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { MINUTE } from '@jouwbot/auth'
import { auditLog, consentRecords, eq } from '@jouwbot/db'
import { createMember, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal, userByEmail } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

describe('consent', () => {
  test('a visitor’s choice is remembered for their browser, logged with text version and channel, and withdrawn as easily', async () => {
    const deps = makeDeps(db())
    const api = await new TestClient(deps).api()
    const browserId = randomUUID()
    expect(await api.privacy.consent({ browserId })).toEqual({ choices: { statistics: null, newsletter: null, chat: null }, rememberedOn: 'browser' })

    expect(await api.privacy.setConsent({ browserId, choices: { statistics: true }, channel: 'banner' })).toMatchObject({ choices: { statistics: true } })
    deps.clock.advance(MINUTE)
    // The same call withdraws it.
    expect(await api.privacy.setConsent({ browserId, choices: { statistics: false }, channel: 'cookie_settings' })).toMatchObject({ choices: { statistics: false } })
    // Saving an unchanged choice logs nothing new; a visitor's "newsletter" is ignored (no address to mail).
    await api.privacy.setConsent({ browserId, choices: { statistics: false, newsletter: true }, channel: 'cookie_settings' })

    const rows = await deps.db.select().from(consentRecords).where(eq(consentRecords.browserId, browserId))
    expect(rows.map((r) => ({ purpose: r.purpose, granted: r.granted, textVersion: r.textVersion, channel: r.channel, userId: r.userId })).sort((a, b) => Number(b.granted) - Number(a.granted))).toEqual([
      { purpose: 'statistics', granted: true, textVersion: 'cookie-dialog-v1', channel: 'banner', userId: null },
      { purpose: 'statistics', granted: false, textVersion: 'cookie-dialog-v1', channel: 'cookie_settings', userId: null },
    ])
    // Another browser has chosen nothing.
    expect((await api.privacy.consent({ browserId: randomUUID() })).choices.statistics).toBeNull()
  })

  test('refuses a consent without subject or with a malformed browser id', async () => {
    const deps = makeDeps(db())
    const api = await new TestClient(deps).api()
    await expect(api.privacy.setConsent({ browserId: 'not-a-uuid', choices: { statistics: true }, channel: 'banner' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(api.privacy.setConsent({ browserId: randomUUID(), choices: {}, channel: 'banner' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(api.privacy.setConsent({ choices: { statistics: true }, channel: 'banner' })).rejects.toThrow()
    expect(await deps.db.select().from(consentRecords)).toHaveLength(0)
  })

  test('a member’s choices live on the account; the history shows sign-up, profile and privacy-page choices', async () => {
    const deps = makeDeps(db())
    const email = uniqueEmail()
    const client = new TestClient(deps)
    await (await client.api()).auth.signUp({ email, password: 'paarse-olifant-danst-2026', firstName: 'Sanne', lastName: 'de Vries', newsletter: true })
    const member = await createMember(deps)
    const user = await userByEmail(deps, member.email)
    const api = await member.client.api()

    expect((await api.privacy.consent({})).rememberedOn).toBe('account')
    deps.clock.advance(MINUTE)
    await api.privacy.setConsent({ choices: { newsletter: true, statistics: true }, channel: 'account' })
    expect((await userByEmail(deps, member.email)).newsletterConsentAt).toEqual(deps.clock.now())
    deps.clock.advance(MINUTE)
    // A new request, as the browser makes one (the context loads the account afresh).
    await (await member.client.api()).account.updateProfile({ firstName: 'Sanne', lastName: 'de Vries', locale: 'nl', newsletter: false })
    expect((await api.privacy.consent({})).choices).toEqual({ statistics: true, newsletter: false, chat: null })
    // From another browser the member's choice is the same: it is on the account.
    expect((await api.privacy.consent({ browserId: randomUUID() })).choices.statistics).toBe(true)

    const history = await api.privacy.consentHistory()
    expect(history.map((h) => [h.purpose, h.granted, h.channel, h.textVersion])).toEqual([
      ['newsletter', false, 'account', 'account-newsletter-v1'],
      expect.arrayContaining([]),
      expect.arrayContaining([]),
    ])
    expect(history.slice(1).map((h) => h.purpose).sort()).toEqual(['newsletter', 'statistics'])
    const actions = (await deps.db.select().from(auditLog).where(eq(auditLog.subjectUserId, user.id))).map((a) => a.action)
    expect(actions.filter((a) => a.startsWith('consent.newsletter'))).toEqual(['consent.newsletter.given', 'consent.newsletter.withdrawn'])

    // The one who ticked the newsletter box at sign-up has that in the log, with the sign-up text.
    const signedUp = await userByEmail(deps, email)
    const [atSignUp] = await deps.db.select().from(consentRecords).where(eq(consentRecords.userId, signedUp.id))
    expect(atSignUp).toMatchObject({ purpose: 'newsletter', granted: true, channel: 'sign_up', textVersion: 'sign-up-newsletter-v1' })
  })

  test('the history is for members only', async () => {
    const deps = makeDeps(db())
    await expectRefusal((await new TestClient(deps).api()).privacy.consentHistory(), 'UNAUTHORIZED', 'error.unauthorized')
  })
})

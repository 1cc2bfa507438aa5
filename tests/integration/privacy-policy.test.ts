import { describe, expect, test } from 'vitest'
import { policyV2, seedPrivacyPolicy } from '@jouwbot/api/privacy'
import { DAY, MINUTE } from '@jouwbot/auth'
import { and, auditLog, eq, mailOutbox, privacyPolicyVersions } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

const policyMails = (deps: ReturnType<typeof makeDeps>) => deps.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'privacyPolicyChanged'))

const v3 = {
  titleNl: 'Privacyverklaring',
  titleEn: 'Privacy statement',
  bodyNl: 'Nieuwe tekst van de privacyverklaring, met genoeg woorden om de controle te halen.',
  bodyEn: 'New text of the privacy statement, with enough words to pass the length check.',
  changesNl: ['We gebruiken een nieuwe e-mailprovider.'],
  changesEn: ['We use a new e-mail provider.'],
}

describe('the privacy statement', () => {
  test('the 2018 text is version 1; version 2 corrects it and is what /privacy shows', async () => {
    const deps = makeDeps(db())
    const api = await new TestClient(deps).api()
    // Before the seed (a database the boot never ran on) there is nothing to show yet.
    expect(await api.privacy.policy({})).toBeNull()
    expect(await seedPrivacyPolicy(deps)).toEqual({ published: 2 })

    const current = (await api.privacy.policy({}))!
    expect(current).toMatchObject({ version: 2, current: true, changes: { nl: policyV2.changesNl, en: policyV2.changesEn } })
    for (const body of [current.body.nl, current.body.en]) {
      expect(body).toContain('Data Privacy Framework')
      expect(body).toContain('Mollie')
    }
    expect(current.body.nl).toContain('Het Privacy Shield waar de vorige versie naar verwees, is in 2020 door het Europese Hof ongeldig verklaard')
    expect(current.body.en).toContain('The Privacy Shield that the previous version referred to was invalidated')
    expect(current.body.nl).toContain('Wij gebruiken geen Google Analytics meer')
    expect(current.body.nl).toContain('Meta heeft de websitechat in 2024 stopgezet')
    expect(current.body.en).toContain('Meta retired the website chat in 2024')

    const first = (await api.privacy.policy({ version: 1 }))!
    expect(first).toMatchObject({ version: 1, current: false, publishedAt: new Date('2018-07-17T10:00:00Z') })
    expect(first.body.nl).toContain('Voor overdrachten naar de Verenigde Staten zorgen wij ervoor dat een dergelijke Amerikaanse partij aan het Privacy Shield voldoet.')
    expect((await api.privacy.policyVersions()).map((v) => v.version)).toEqual([2, 1])
    await expectRefusal(api.privacy.policy({ version: 7 }), 'NOT_FOUND', 'error.notFound')

    // Seeding again (every boot) changes nothing.
    expect(await seedPrivacyPolicy(deps)).toEqual({ published: null })
    expect(await deps.db.select().from(privacyPolicyVersions)).toHaveLength(2)
  })

  test('publishing a version mails every member once and shows them a notice until they close it', async () => {
    const deps = makeDeps(db())
    await seedPrivacyPolicy(deps)
    const member = await createMember(deps)
    const admin = await createMember(deps)
    await makeStaff(deps, admin)
    deps.clock.advance(MINUTE)
    expect(await (await member.client.api()).privacy.policyNotice()).toBeNull()

    const published = await (await admin.client.api()).admin.privacy.publishPolicy(v3)
    expect(published).toEqual({ version: 3, notified: 2 })
    const mails = await policyMails(deps)
    expect(mails.map((m) => m.to).sort()).toEqual([admin.email, member.email].sort())
    const mail = mails.find((m) => m.to === member.email)!
    expect(mail.subject).toBe('Onze privacyverklaring is gewijzigd')
    expect(mail.text).toContain('• We gebruiken een nieuwe e-mailprovider.')
    expect(mail.text).toContain('http://localhost:3000/privacy')
    const audits = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.policy_published'))
    expect(audits.map((a) => a.details)).toEqual(expect.arrayContaining([{ version: 2 }, { version: 3 }]))

    const api = await member.client.api()
    expect(await api.privacy.policyNotice()).toMatchObject({ version: 3, changes: { nl: v3.changesNl } })
    await api.privacy.acknowledgePolicy({ version: 3 })
    await api.privacy.acknowledgePolicy({ version: 3 })
    expect(await api.privacy.policyNotice()).toBeNull()

    // Someone who joins after the change gets no notice about it.
    deps.clock.advance(DAY)
    const newcomer = await createMember(deps)
    expect(await (await newcomer.client.api()).privacy.policyNotice()).toBeNull()
  })

  test('only an admin in sudo mode publishes, with a valid text', async () => {
    const deps = makeDeps(db())
    await seedPrivacyPolicy(deps)
    const member = await createMember(deps)
    await expectRefusal((await member.client.api()).admin.privacy.publishPolicy(v3), 'FORBIDDEN', 'error.forbidden')
    const admin = await createMember(deps)
    await makeStaff(deps, admin)
    await expect((await admin.client.api()).admin.privacy.publishPolicy({ ...v3, changesNl: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    deps.clock.advance(11 * MINUTE)
    await expectRefusal((await admin.client.api()).admin.privacy.publishPolicy(v3), 'FORBIDDEN', 'auth.reauthenticationRequired')
    expect(await deps.db.select().from(privacyPolicyVersions).where(eq(privacyPolicyVersions.version, 3))).toHaveLength(0)
    // Nothing was published, so nobody was mailed.
    expect(await deps.db.select().from(mailOutbox).where(and(eq(mailOutbox.template, 'privacyPolicyChanged'), eq(mailOutbox.to, member.email)))).toHaveLength(0)
  })

  test('the overview on /privacy is generated from the registry', async () => {
    const deps = makeDeps(db())
    const overview = await (await new TestClient(deps).api()).privacy.overview()
    const vat = overview.categories.find((c) => c.id === 'vat_number')!
    expect(vat).toMatchObject({ legalBasis: 'legal_obligation', recipients: expect.arrayContaining([expect.objectContaining({ id: 'vies' })]) })
    expect(overview.recipients.map((r) => r.id)).toEqual(expect.arrayContaining(['mollie', 'mail_provider', 'storage_host']))
    expect(overview.cookies.filter((c) => c.purpose === 'necessary').map((c) => c.name)).toEqual(['jb_session', 'jb_device', 'jouwbot.language', 'jouwbot.consent', 'jb_prefs', 'jouwbot.playbackRate, jouwbot.captions'])
    expect(overview.retentionRules.find((r) => r.id === 'newsletter-unsubscribed')).toMatchObject({ schedule: 'monthly' })
    expect(overview.recipients.map((r) => r.name.en).join(' ')).not.toMatch(/Google|ManyChat|Huddle/)
  })
})

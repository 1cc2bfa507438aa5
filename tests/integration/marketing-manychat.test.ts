import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { MINUTE } from '@jouwbot/auth'
import { syncChatContacts } from '@jouwbot/api/marketing/chat'
import { eraseDueAccounts } from '@jouwbot/api/privacy'
import { accountErasures, auditLog, chatContacts, consentRecords, eq, privacyRequests, privacySettings, users } from '@jouwbot/db'
import { createManyChatGateway } from '@jouwbot/manychat'
import { startManyChatEmulator, type ManyChatEmulator } from '@jouwbot/manychat/emulator'
import { createMember, makeStaff, uniqueEmail } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { lastLinkToken } from '../helpers/mailbox.ts'
import { makeDeps } from '../helpers/deps.ts'
import { userByEmail } from '../helpers/flows.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()
let emulator: ManyChatEmulator

beforeAll(async () => {
  emulator = await startManyChatEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const DAY = 86_400_000

/** Deps with the feature on: the real client pointed at the emulator, as production points it at ManyChat. */
function chatDeps() {
  let wakes = 0
  const deps = makeDeps(db(), {
    manychat: createManyChatGateway({ apiKey: emulator.apiKey, apiEndpoint: emulator.apiEndpoint, timeoutMs: 10_000 }),
    messengerPage: 'jouwbot',
    onChatQueued: () => {
      wakes += 1
    },
  })
  return { deps, wakes: () => wakes }
}

async function memberWithChatConsent(deps: ReturnType<typeof makeDeps>, firstName = 'Sanne') {
  const member = await createMember(deps, { firstName })
  const api = await member.client.api()
  await api.privacy.setConsent({ choices: { chat: true }, channel: 'account' })
  const user = await userByEmail(deps, member.email)
  return { ...member, api, user }
}

const contactRow = async (userId: string) => (await db().db.select().from(chatContacts).where(eq(chatContacts.userId, userId)))[0]

describe('Messenger chat: contact sync with ManyChat', () => {
  test('consent → a contact with name and e-mail only; nothing before the consent; the consent is logged with its own text', async () => {
    const { deps, wakes } = chatDeps()
    const member = await createMember(deps, { firstName: 'Sanne' })
    const api = await member.client.api()
    // Separate and unticked: nothing is chosen and nothing is sent until the member says yes.
    expect((await api.privacy.consent({})).choices.chat).toBeNull()
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 0, postponed: 0 })
    expect(emulator.requests).toEqual([])

    await api.privacy.setConsent({ choices: { chat: true }, channel: 'account' })
    expect(wakes()).toBe(1)
    expect(await syncChatContacts(deps)).toEqual({ synced: 1, removed: 0, failed: 0, postponed: 0 })

    const subscribers = [...emulator.subscribers.values()]
    expect(subscribers).toHaveLength(1)
    expect(subscribers[0]).toMatchObject({ first_name: 'Sanne', last_name: 'de Vries', email: member.email })
    const create = emulator.requests.find((r) => r.path === '/fb/subscriber/createSubscriber')!
    // Name and e-mail, nothing more (the opt-in flag and consent phrase are ManyChat's record of the consent).
    expect(Object.keys(create.body!).sort()).toEqual(['consent_phrase', 'email', 'first_name', 'has_opt_in_email', 'last_name'])
    const user = await userByEmail(deps, member.email)
    expect(await contactRow(user.id)).toMatchObject({ state: 'synced', subscriberId: subscribers[0]!.id, attempts: 0 })
    const [logged] = await db().db.select().from(consentRecords).where(eq(consentRecords.userId, user.id))
    expect(logged).toMatchObject({ purpose: 'chat', granted: true, textVersion: 'privacy-centre-chat-v1', channel: 'account' })
    expect(await api.chat.myContact()).toMatchObject({ state: 'synced' })
  })

  test('a second sync updates the same contact, never a duplicate — also after a crash between create and store', async () => {
    const { deps } = chatDeps()
    const anna = await memberWithChatConsent(deps, 'Anna')
    await syncChatContacts(deps)
    const [first] = [...emulator.subscribers.values()]

    // She corrects her name in her profile: her contact is queued again and the same subscriber updated.
    await anna.api.account.updateProfile({ firstName: 'Annabel', lastName: 'de Vries', locale: 'nl', newsletter: false })
    expect(await contactRow(anna.user.id)).toMatchObject({ state: 'sync' })
    expect(await syncChatContacts(deps)).toEqual({ synced: 1, removed: 0, failed: 0, postponed: 0 })
    expect(emulator.subscribers.size).toBe(1)
    expect(emulator.subscribers.get(first!.id)).toMatchObject({ first_name: 'Annabel', email: anna.email })
    expect(emulator.requests.filter((r) => r.path === '/fb/subscriber/updateSubscriber')).toHaveLength(1)

    // A confirmed change of address reaches ManyChat too: the old address is overwritten there.
    const newEmail = uniqueEmail('nieuw')
    await anna.api.auth.requestEmailChange({ newEmail })
    const token = await lastLinkToken(deps.db, newEmail, '/confirm-email')
    await (await new TestClient(deps).api()).auth.confirmEmailChange({ token })
    expect(await syncChatContacts(deps)).toEqual({ synced: 1, removed: 0, failed: 0, postponed: 0 })
    expect(emulator.subscribers.size).toBe(1)
    expect(emulator.subscribers.get(first!.id)).toMatchObject({ first_name: 'Annabel', email: newEmail })

    // A crash after ManyChat created Bert's contact, before we stored its id: the rerun finds it by address.
    const bert = await memberWithChatConsent(deps, 'Bert')
    const created = await deps.manychat!.createSubscriber({ firstName: 'Bert', lastName: 'de Vries', email: bert.email })
    expect((await contactRow(bert.user.id))!.subscriberId).toBeNull()
    await syncChatContacts(deps)
    expect(emulator.subscribers.size).toBe(2)
    expect(await contactRow(bert.user.id)).toMatchObject({ state: 'synced', subscriberId: created.subscriberId })
    // Nothing due: a run without work calls nobody.
    const before = emulator.requests.length
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 0, postponed: 0 })
    expect(emulator.requests.length).toBe(before)
  })

  test('withdrawal → name and e-mail cleared at ManyChat, opt-in withdrawn, and an admin task with a due date the member sees', async () => {
    const { deps } = chatDeps()
    const sanne = await memberWithChatConsent(deps)
    await syncChatContacts(deps)
    const [subscriber] = [...emulator.subscribers.values()]

    deps.clock.advance(MINUTE)
    // Withdrawing is one call, like giving.
    await sanne.api.privacy.setConsent({ choices: { chat: false }, channel: 'account' })
    expect(await contactRow(sanne.user.id)).toMatchObject({ state: 'remove' })
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 1, failed: 0, postponed: 0 })

    expect(emulator.subscribers.get(subscriber!.id)).toMatchObject({ first_name: '', last_name: '', email: '', has_opt_in_email: false })
    const row = await contactRow(sanne.user.id)
    expect(row).toMatchObject({ state: 'removed', subscriberId: subscriber!.id })
    const [task] = await db().db.select().from(privacyRequests).where(eq(privacyRequests.userId, sanne.user.id))
    expect(task).toMatchObject({ id: row!.removalRequestId, kind: 'chat_removal', status: 'open' })
    expect(task!.dueAt.getTime()).toBe(deps.clock.now().getTime() + 30 * DAY)
    expect(task!.message).toContain(subscriber!.id)
    // The member sees it in her privacy centre, the admin in the requests queue.
    expect(await sanne.api.privacy.myRequests()).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'chat_removal', status: 'open' })]))
    const admin = await createMember(deps, { firstName: 'Beheerder' })
    await makeStaff(deps, admin, 'admin')
    const queue = await (await admin.client.api()).admin.privacy.requests({ status: 'open' })
    expect(JSON.stringify(queue)).toContain(task!.id)

    // A second run and a second withdrawal change nothing: one task, one clearing.
    await sanne.api.privacy.setConsent({ choices: { chat: false }, channel: 'account' })
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 0, postponed: 0 })
    expect(await db().db.select().from(privacyRequests).where(eq(privacyRequests.kind, 'chat_removal'))).toHaveLength(1)
  })

  test('account erasure clears the contact and opens the task, inside the resumable erasure; a ManyChat failure makes the step retry', async () => {
    const { deps } = chatDeps()
    const sanne = await memberWithChatConsent(deps)
    await syncChatContacts(deps)
    const [subscriber] = [...emulator.subscribers.values()]
    const now = deps.clock.now()
    await db().db.insert(accountErasures).values({ userId: sanne.user.id, status: 'scheduled', cancelTokenHash: 'x'.repeat(64), requestedAt: now, scheduledFor: now })

    // ManyChat is down: the erasure stops before the database step, nothing is lost.
    emulator.failNext(3, 503)
    await expect(eraseDueAccounts(deps)).rejects.toThrow(/ManyChat/)
    const [midway] = await db().db.select().from(accountErasures).where(eq(accountErasures.userId, sanne.user.id))
    expect(midway).toMatchObject({ status: 'running', stepsDone: ['sessions', 'bookings', 'storage'] })
    expect(await contactRow(sanne.user.id)).toMatchObject({ state: 'synced' })
    emulator.failNext(0)

    expect(await eraseDueAccounts(deps)).toEqual({ erased: 1 })
    expect(emulator.subscribers.get(subscriber!.id)).toMatchObject({ first_name: '', last_name: '', email: '' })
    expect(await db().db.select().from(users).where(eq(users.id, sanne.user.id))).toEqual([])
    expect(await contactRow(sanne.user.id)).toBeUndefined()
    // The admin task outlives the account, without anything about her.
    const tasks = await db().db.select().from(privacyRequests).where(eq(privacyRequests.kind, 'chat_removal'))
    // It still says which contact to delete (privacy-processors: kept apart from the anonymised message).
    expect(tasks).toEqual([expect.objectContaining({ status: 'open', userId: null, message: null, processor: 'manychat', processorCause: 'erasure', processorRef: `ManyChat ${subscriber!.id}` })])
    const [told] = await db().db.select().from(auditLog).where(eq(auditLog.action, 'privacy.processors_notified'))
    expect((told!.details as { processors: unknown[] }).processors).toContainEqual({ processor: 'manychat', handling: 'api', outcome: 'cleared_via_api', taskId: tasks[0]!.id })
    const audit = await db().db.select().from(auditLog).where(eq(auditLog.action, 'marketing.chat_contact_removed'))
    expect(audit).toHaveLength(1)
    expect(audit[0]!.subjectUserId).toBeNull()
  })

  test('without MANYCHAT_API_KEY the feature is off: no consent taken, no job work, the overview does not name ManyChat', async () => {
    const deps = makeDeps(db())
    const member = await createMember(deps)
    const api = await member.client.api()
    expect(await api.chat.settings()).toEqual({ messengerPage: null, contactSync: false })
    await api.privacy.setConsent({ choices: { chat: true }, channel: 'account' })
    expect((await api.privacy.consent({})).choices.chat).toBeNull()
    expect(await db().db.select().from(chatContacts)).toEqual([])
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 0, postponed: 0 })
    expect(emulator.requests).toEqual([])
    expect(JSON.stringify((await api.privacy.overview()).recipients)).not.toContain('ManyChat')

    const on = chatDeps().deps
    const overview = await (await createMember(on)).client.api().then((a) => a.privacy.overview())
    expect(overview.recipients.map((r) => r.id)).toContain('manychat')
    expect(overview.categories.find((c) => c.id === 'chat')).toMatchObject({ legalBasis: 'consent' })
  })

  test('a visitor cannot consent to the chat (there is no name or address to send)', async () => {
    const { deps } = chatDeps()
    const api = await new TestClient(deps).api()
    const browserId = crypto.randomUUID()
    expect((await api.privacy.setConsent({ browserId, choices: { chat: true, statistics: true }, channel: 'banner' })).choices).toMatchObject({ chat: null, statistics: true })
    expect(await db().db.select().from(chatContacts)).toEqual([])
    expect(await api.chat.settings()).toEqual({ messengerPage: 'jouwbot', contactSync: true })
  })

  test('while processing is restricted (art. 18) nothing is sent; once lifted the contact is synced', async () => {
    const { deps } = chatDeps()
    const sanne = await memberWithChatConsent(deps)
    await db().db.insert(privacySettings).values({ userId: sanne.user.id, restrictedAt: deps.clock.now() })
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 0, postponed: 1 })
    expect(emulator.requests).toEqual([])
    expect(await contactRow(sanne.user.id)).toMatchObject({ state: 'sync' })
    await db().db.update(privacySettings).set({ restrictedAt: null }).where(eq(privacySettings.userId, sanne.user.id))
    deps.clock.advance(61 * MINUTE)
    expect(await syncChatContacts(deps)).toEqual({ synced: 1, removed: 0, failed: 0, postponed: 0 })
    expect(emulator.subscribers.size).toBe(1)
  })

  test('API errors are retried by the job with a backoff; nothing is lost', async () => {
    const { deps } = chatDeps()
    const sanne = await memberWithChatConsent(deps)
    emulator.failNext(2, 500)
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 1, postponed: 0 })
    expect(await contactRow(sanne.user.id)).toMatchObject({ state: 'sync', attempts: 1, lastError: expect.stringContaining('500') })
    // Not due again before its backoff.
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 0, postponed: 0 })
    deps.clock.advance(MINUTE)
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 1, postponed: 0 })
    expect(await contactRow(sanne.user.id)).toMatchObject({ attempts: 2 })
    deps.clock.advance(2 * MINUTE)
    expect(await syncChatContacts(deps)).toEqual({ synced: 1, removed: 0, failed: 0, postponed: 0 })
    expect(await contactRow(sanne.user.id)).toMatchObject({ state: 'synced', attempts: 0, lastError: null })
    expect(emulator.subscribers.size).toBe(1)

    // The same for a withdrawal: the row waits in `remove` until ManyChat answers.
    await sanne.api.privacy.setConsent({ choices: { chat: false }, channel: 'account' })
    emulator.failNext(1, 429)
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 0, failed: 1, postponed: 0 })
    expect(await contactRow(sanne.user.id)).toMatchObject({ state: 'remove', attempts: 1 })
    expect(await db().db.select().from(privacyRequests).where(eq(privacyRequests.kind, 'chat_removal'))).toEqual([])
    deps.clock.advance(MINUTE)
    expect(await syncChatContacts(deps)).toEqual({ synced: 0, removed: 1, failed: 0, postponed: 0 })
    expect(await contactRow(sanne.user.id)).toMatchObject({ state: 'removed' })
  })

  test('the client sends the bearer token; a wrong token is refused by the API and reported, not swallowed', async () => {
    const wrong = createManyChatGateway({ apiKey: 'wrong:token0000000', apiEndpoint: emulator.apiEndpoint })
    await expect(wrong.findByEmail('iemand@example.nl')).rejects.toMatchObject({ name: 'ManyChatError', statusCode: 401 })
    const right = createManyChatGateway({ apiKey: emulator.apiKey, apiEndpoint: emulator.apiEndpoint })
    expect(await right.findByEmail('iemand@example.nl')).toBeNull()
    expect(emulator.requests.at(-1)).toMatchObject({ path: '/fb/subscriber/findBySystemField', query: { email: 'iemand@example.nl' } })
  })
})

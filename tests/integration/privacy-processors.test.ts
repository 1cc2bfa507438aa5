import { describe, expect, test } from 'vitest'
import { bookSession } from '@jouwbot/api/coaching'
import { eraseDueAccounts, mayProcess, openProcessorTasks } from '@jouwbot/api/privacy'
import { accountErasures, and, auditLog, chatContacts, coachingBookings, eq, mailOutbox, privacyRequests, users } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { coachingMails, insertCoach, memberWithCredits, parseIcs, weekdayAt } from '../helpers/coaching.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()
const DAY = 86_400_000

type Deps = ReturnType<typeof makeDeps>

/** A member with a future coaching booking, mails delivered through the provider and a ManyChat contact; erasure due. */
async function memberToErase(deps: Deps) {
  deps.clock.set(new Date('2026-06-01T06:00:00Z')) // Monday 08:00 in Amsterdam
  const coach = await insertCoach(deps)
  const member = await memberWithCredits(deps, 2)
  const startsAt = weekdayAt(deps.clock.now(), 3, 10)
  const booking = await bookSession(deps, {
    memberId: member.id,
    coachId: coach.coach.id,
    sessionTypeId: coach.type.id,
    startsAt,
    topic: 'Les 3',
    lessonId: null,
    expressStartRequested: false,
    idempotencyKey: crypto.randomUUID(),
  })
  // The booking mails went out (through the provider, when there is one).
  await deps.db.update(mailOutbox).set({ status: 'sent', sentAt: deps.clock.now() })
  await deps.db.insert(chatContacts).values({ userId: member.id, subscriberId: 'mc-42', state: 'synced', syncedAt: deps.clock.now() })
  deps.clock.advance(60_000)
  const [erasure] = await deps.db
    .insert(accountErasures)
    .values({ userId: member.id, status: 'scheduled', cancelTokenHash: `hash-${member.id}`, requestedAt: deps.clock.now(), scheduledFor: deps.clock.now() })
    .returning()
  return { member, coach, booking, erasure: erasure! }
}

const processorTasks = (deps: Deps) => deps.db.select().from(privacyRequests).where(eq(privacyRequests.kind, 'processor_notice'))

describe('erasure: processors told where they hold data, future bookings cancelled (issue 11 §2)', () => {
  test('the mail provider gets one due-dated task, also when the step is retried; the coach is told of the cancelled booking; the queue shows it', async () => {
    const deps = makeDeps(db(), { mailProvider: true })
    const adminMember = await createMember(deps, { firstName: 'Anna' })
    await makeStaff(deps, adminMember)
    const { member, coach, booking, erasure } = await memberToErase(deps)
    const erasedAt = deps.clock.now()

    // A crash right after the processors step, then the step run again (as if it had not been recorded).
    await expect(
      eraseDueAccounts(deps, {
        afterStep: (step) => {
          if (step === 'processors') throw new Error('power cut')
        },
      }),
    ).rejects.toThrow('power cut')
    const [midway] = await deps.db.select().from(accountErasures).where(eq(accountErasures.id, erasure.id))
    expect(midway!.stepsDone).toEqual(['sessions', 'bookings', 'storage', 'processors'])
    await deps.db.update(accountErasures).set({ stepsDone: ['sessions', 'bookings', 'storage'] }).where(eq(accountErasures.id, erasure.id))
    expect(await eraseDueAccounts(deps)).toEqual({ erased: 1 })
    const [done] = await deps.db.select().from(accountErasures).where(eq(accountErasures.id, erasure.id))
    expect(done).toMatchObject({ status: 'done', stepsDone: ['sessions', 'bookings', 'storage', 'processors', 'database'] })
    expect(await deps.db.select().from(users).where(eq(users.id, member.id))).toEqual([])

    // Exactly one task per processor: the mail provider (by address) and ManyChat (by contact id).
    const tasks = await processorTasks(deps)
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({ processor: 'mail_provider', processorCause: 'erasure', processorRef: member.email, status: 'open', userId: null, dedupeKey: `erasure:${erasure.id}:mail_provider` })
    expect(tasks[0]!.dueAt.getTime() - erasedAt.getTime()).toBe(30 * DAY)
    const chatTasks = await deps.db.select().from(privacyRequests).where(eq(privacyRequests.kind, 'chat_removal'))
    expect(chatTasks).toHaveLength(1)
    expect(chatTasks[0]).toMatchObject({ processor: 'manychat', processorRef: 'ManyChat mc-42', userId: null })

    // What was told, in the audit log (no address in it).
    const audits = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.processors_notified'))
    expect(audits).toHaveLength(2) // one per run of the step, both naming the same tasks
    for (const audit of audits) {
      const details = audit.details as { erasureId: string; processors: { processor: string; handling: string; outcome: string; taskId: string | null }[] }
      expect(details.erasureId).toBe(erasure.id)
      const byId = Object.fromEntries(details.processors.map((p) => [p.processor, p]))
      expect(byId.mail_provider).toEqual({ processor: 'mail_provider', handling: 'task', outcome: 'task_opened', taskId: tasks[0]!.id })
      expect(byId.mollie).toMatchObject({ handling: 'none', outcome: 'declared' })
      expect(byId.storage_host).toMatchObject({ handling: 'ours', outcome: 'declared' })
      expect(byId.manychat).toMatchObject({ handling: 'api', outcome: 'task_opened', taskId: chatTasks[0]!.id })
      expect(JSON.stringify(audit.details)).not.toContain(member.email)
    }

    // Future booking cancelled before the rows went; the coach got the cancellation with a calendar CANCEL.
    expect(await deps.db.select().from(coachingBookings).where(eq(coachingBookings.id, booking.id))).toEqual([])
    const coachMails = await coachingMails(deps.db, coach.coach.email)
    const cancel = coachMails.find((mail) => mail.dedupeKey === `coaching:${booking.id}:canceled:1:coach`)
    expect(cancel).toBeDefined()
    expect(parseIcs(cancel!.attachments![0]!.content)).toMatchObject({ method: 'CANCEL', uid: expect.stringContaining(booking.id) })
    expect(coachMails.filter((mail) => mail.dedupeKey?.includes(':canceled:'))).toHaveLength(1)
    expect(await deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, member.email))).toEqual([])

    // The admin queue shows the task with its due date and what to tell; resolving it clears the address.
    const adminApi = await adminMember.client.api()
    const { requests } = await adminApi.admin.privacy.requests({ status: 'open' })
    const shown = requests.find((r) => r.id === tasks[0]!.id)
    expect(shown).toMatchObject({ kind: 'processor_notice', processor: 'mail_provider', processorCause: 'erasure', processorRef: member.email, overdue: false, email: null })
    expect(shown!.dueAt).toEqual(tasks[0]!.dueAt)
    await adminApi.admin.privacy.resolveRequest({ requestId: tasks[0]!.id, decision: 'granted', outcome: 'Provider gevraagd de logboeken te wissen.' })
    const [resolved] = await processorTasks(deps)
    expect(resolved).toMatchObject({ status: 'done', processorRef: null })
  })

  test('without a mail provider (no SMTP_URL) nothing is asked of it; the plan shown to the member names every processor', async () => {
    const deps = makeDeps(db())
    const { member } = await memberToErase(deps)
    expect(await eraseDueAccounts(deps)).toEqual({ erased: 1 })
    expect(await processorTasks(deps)).toEqual([])
    const [audit] = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.processors_notified'))
    expect((audit!.details as { processors: { processor: string; outcome: string }[] }).processors).toEqual(
      expect.arrayContaining([{ processor: 'mail_provider', handling: 'task', outcome: 'nothing_held', taskId: null }]),
    )
    expect(member.email).toBeTruthy()

    const someone = await createMember(deps)
    const plan = await (await someone.client.api()).privacy.erasurePlan()
    expect(plan.processors.map((p) => [p.id, p.handling])).toEqual([
      ['mollie', 'none'],
      ['mail_provider', 'task'],
      ['storage_host', 'ours'],
      ['vies', 'none'],
      ['tax_authority', 'none'],
    ])
    // With MANYCHAT_API_KEY the plan names ManyChat too, as the privacy page does.
    const withChat = makeDeps(db(), { manychat: { clearSubscriber: async () => {} } as unknown as NonNullable<Deps['manychat']> })
    const chatMember = await createMember(withChat)
    expect((await (await chatMember.client.api()).privacy.erasurePlan()).processors.map((p) => p.id)).toContain('manychat')
    expect(plan.processors.every((p) => p.reason.nl.length > 0 && p.reason.en.length > 0)).toBe(true)
  })
})

describe('restriction: processors acting for us stop, those that need telling get a task (issue 11 §2, art. 18/19)', () => {
  test('granting a restriction opens one ManyChat task, shown to the member and in the queue; newsletter and statistics stop', async () => {
    const deps = makeDeps(db(), { mailProvider: true })
    const adminMember = await createMember(deps, { firstName: 'Anna' })
    await makeStaff(deps, adminMember)
    const member = await createMember(deps)
    const [row] = await deps.db.update(users).set({ newsletterConsentAt: deps.clock.now() }).where(eq(users.email, member.email)).returning()
    await deps.db.insert(chatContacts).values({ userId: row!.id, subscriberId: 'mc-7', state: 'synced', syncedAt: deps.clock.now() })
    const other = await createMember(deps, { firstName: 'Bert' })

    const request = await (await member.client.api()).privacy.requestRestriction({})
    const otherRequest = await (await other.client.api()).privacy.requestRestriction({})
    const adminApi = await adminMember.client.api()
    const grantedAt = deps.clock.now()
    await adminApi.admin.privacy.resolveRequest({ requestId: request.id, decision: 'granted', outcome: 'Beperkt.' })
    await adminApi.admin.privacy.resolveRequest({ requestId: otherRequest.id, decision: 'granted', outcome: 'Beperkt.' })

    expect(await mayProcess(deps.db, row!.id, 'newsletter')).toBe(false)
    expect(await mayProcess(deps.db, row!.id, 'statistics')).toBe(false)

    // Only the member with a contact at ManyChat; the mail provider stops by itself (declared 'stops').
    const tasks = await processorTasks(deps)
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({ userId: row!.id, processor: 'manychat', processorCause: 'restriction', processorRef: 'ManyChat mc-7', dedupeKey: `restriction:${request.id}:manychat` })
    expect(tasks[0]!.dueAt.getTime() - grantedAt.getTime()).toBe(30 * DAY)

    // Asked again for the same restriction (a retry): still the one task.
    const again = await openProcessorTasks(deps.db, deps, { cause: 'restriction', causeId: request.id, subject: { userId: row!.id, email: member.email }, now: deps.clock.now() })
    expect(again.find((n) => n.processor === 'manychat')).toEqual({ processor: 'manychat', handling: 'task', outcome: 'task_opened', taskId: tasks[0]!.id })
    expect(again.find((n) => n.processor === 'mail_provider')).toMatchObject({ handling: 'stops', outcome: 'declared' })
    expect(await processorTasks(deps)).toHaveLength(1)

    // The member sees it with its due date; the admin queue too.
    const mine = await (await member.client.api()).privacy.myRequests()
    expect(mine.find((r) => r.kind === 'processor_notice')).toMatchObject({ processor: 'manychat', status: 'open', dueAt: tasks[0]!.dueAt })
    expect(await (await other.client.api()).privacy.myRequests()).not.toContainEqual(expect.objectContaining({ kind: 'processor_notice' }))
    const { requests } = await adminApi.admin.privacy.requests({ status: 'open' })
    expect(requests).toContainEqual(expect.objectContaining({ id: tasks[0]!.id, processor: 'manychat', processorRef: 'ManyChat mc-7', email: member.email }))
    const [audit] = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privacy.processors_notified'), eq(auditLog.subjectUserId, row!.id)))
    expect(audit!.details).toMatchObject({ requestId: request.id, cause: 'restriction' })
  })
})

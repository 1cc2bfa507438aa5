import { randomToken, sha256Hex, type UserRow } from '@jouwbot/auth'
import { accountErasures, and, asc, chatContacts, coachingBookings, eq, gt, inArray, lte, or, sessions, sql, users, type Tx } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import { AppError, ERASURE_GRACE_DAYS } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import { appLink, mailLocale } from '../auth/users.ts'
import type { AppDeps } from '../deps.ts'
import { mailBookingParties } from '../coaching/booking-mail.ts'
import { cancelInTransaction } from '../coaching/cancel-booking.ts'
import { removeChatContact } from '../marketing/chat/sync-chat-contacts.ts'
import { inTransaction } from '../transaction.ts'
import { subjectCondition } from './collect-personal-data.ts'
import { localDate } from './data-exports.ts'
import { personalDataCategories, type CategoryId, type Localized, type TableLocation } from './registry.ts'
import { openProcessorTasks, processorPlan, type ProcessorNotice } from './tell-processors.ts'

const DAY = 86_400_000

type ErasureRow = typeof accountErasures.$inferSelect

/**
 * What erasing the account does, generated from the registry: categories deleted, anonymised
 * (kept without anything pointing to the member), and kept for a legal duty (unlinked).
 */
export function erasurePlan(options: { chatContactSync?: boolean } = {}) {
  const deleted: { id: CategoryId; label: Localized }[] = []
  const anonymised: { id: CategoryId; label: Localized }[] = []
  const kept: { id: CategoryId; label: Localized; duty: Localized }[] = []
  for (const category of personalDataCategories) {
    if (category.stored.length === 0) continue
    const actions = category.stored.map((l) => l.erasure)
    const keep = actions.find((a) => a.action === 'keep')
    if (keep && keep.action === 'keep') kept.push({ id: category.id, label: category.label, duty: keep.duty })
    else if (actions.some((a) => a.action === 'anonymise')) anonymised.push({ id: category.id, label: category.label })
    else deleted.push({ id: category.id, label: category.label })
  }
  // Art. 17(2)/19: what each processor is told, or why nothing (from the registry's declarations).
  // ManyChat only where the overview names it (MANYCHAT_API_KEY set); the erasure step tells it regardless.
  const processors = processorPlan('erasure')
    .filter(({ id }) => options.chatContactSync || id !== 'manychat')
    .map(({ id, name, handling, reason }) => ({ id, name, handling, reason }))
  return { graceDays: ERASURE_GRACE_DAYS, deleted, anonymised, kept, processors }
}

/** The member's pending (or running) erasure, if any. */
export async function myErasure(deps: Pick<AppDeps, 'db'>, { user }: { user: Pick<UserRow, 'id'> }) {
  const [row] = await deps.db
    .select({ id: accountErasures.id, status: accountErasures.status, requestedAt: accountErasures.requestedAt, scheduledFor: accountErasures.scheduledFor })
    .from(accountErasures)
    .where(and(eq(accountErasures.userId, user.id), inArray(accountErasures.status, ['scheduled', 'running'])))
    .limit(1)
  return row ?? null
}

/**
 * "Delete my account" (sudo mode, checked by the procedure): scheduled 14 days ahead, with a cancel
 * link in the confirmation mail. Until then the member can log in and cancel.
 */
export async function scheduleAccountErasure(deps: AppDeps, { user }: { user: Pick<UserRow, 'id' | 'email' | 'firstName' | 'locale'> }) {
  const now = deps.clock.now()
  const token = randomToken(32)
  const scheduledFor = new Date(now.getTime() + ERASURE_GRACE_DAYS * DAY)
  const row = await inTransaction(deps, async ({ db }) => {
    await db.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update')
    if (await myErasure({ db }, { user })) throw new AppError('CONFLICT', 'privacy.erasureAlreadyScheduled')
    const [row] = await db
      .insert(accountErasures)
      .values({ userId: user.id, status: 'scheduled', cancelTokenHash: sha256Hex(token), requestedAt: now, scheduledFor })
      .returning()
    await recordAudit(db, { actorUserId: user.id, subjectUserId: user.id, action: 'privacy.erasure_scheduled', details: { erasureId: row!.id, scheduledFor: scheduledFor.toISOString() } }, now)
    await enqueueMail(
      db,
      {
        to: user.email,
        template: 'privacyErasureScheduled',
        locale: mailLocale(user),
        params: { firstName: user.firstName, erasureOn: localDate(scheduledFor, mailLocale(user)), cancelUrl: appLink(deps.appOrigin, '/account/privacy/annuleren', token) },
        seller: deps.seller,
        dedupeKey: `privacy-erasure-scheduled:${row!.id}`,
      },
      now,
    )
    return row!
  })
  deps.onMailQueued?.()
  return { id: row.id, status: row.status, requestedAt: row.requestedAt, scheduledFor: row.scheduledFor }
}

/** Cancels a scheduled erasure: with the mailed token (no login needed) or by the member in the centre. */
export async function cancelAccountErasure(deps: AppDeps, who: { token: string } | { user: Pick<UserRow, 'id'> }) {
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db }) => {
    const where = 'token' in who ? eq(accountErasures.cancelTokenHash, sha256Hex(who.token)) : eq(accountErasures.userId, who.user.id)
    const [row] = await db
      .select()
      .from(accountErasures)
      .where(and(where, eq(accountErasures.status, 'scheduled')))
      .for('update')
      .limit(1)
    if (!row) throw new AppError('NOT_FOUND', 'privacy.erasureNotFound')
    await db.update(accountErasures).set({ status: 'cancelled', cancelledAt: now }).where(eq(accountErasures.id, row.id))
    await recordAudit(db, { actorUserId: row.userId, subjectUserId: row.userId, action: 'privacy.erasure_cancelled', details: { erasureId: row.id } }, now)
    return { cancelled: true as const }
  })
}

/** The steps of an erasure, in order; each is recorded when done, so a rerun skips it. */
export const ERASURE_STEPS = ['sessions', 'bookings', 'storage', 'processors', 'database'] as const
export type ErasureStep = (typeof ERASURE_STEPS)[number]

export interface EraseOptions {
  /** Called after each finished step (tests stop a run here, as a crash would). */
  afterStep?: (step: ErasureStep) => void | Promise<void>
}

/** The `privacy.erase-accounts` job: every erasure past its grace period, and any run that stopped midway. */
export async function eraseDueAccounts(deps: AppDeps, options: EraseOptions = {}): Promise<{ erased: number }> {
  const now = deps.clock.now()
  const due = await deps.db
    .select()
    .from(accountErasures)
    .where(or(and(eq(accountErasures.status, 'scheduled'), lte(accountErasures.scheduledFor, now)), eq(accountErasures.status, 'running')))
    .orderBy(asc(accountErasures.scheduledFor))
  let erased = 0
  for (const row of due) {
    await eraseAccount(deps, row, options)
    erased += 1
  }
  return { erased }
}

async function markStep(db: Tx, row: ErasureRow, step: ErasureStep): Promise<void> {
  await db
    .update(accountErasures)
    .set({ stepsDone: sql`${accountErasures.stepsDone} || ${JSON.stringify([step])}::jsonb` })
    .where(eq(accountErasures.id, row.id))
}

/**
 * Erases one account per the registry. Idempotent and resumable: each step is recorded in the
 * transaction that does it (storage deletes are idempotent by themselves), and a finished
 * erasure is left alone.
 */
export async function eraseAccount(deps: AppDeps, erasure: ErasureRow, options: EraseOptions = {}): Promise<void> {
  const now = deps.clock.now()
  const [row] = await deps.db
    .update(accountErasures)
    .set({ status: 'running', startedAt: sql`coalesce(${accountErasures.startedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(accountErasures.id, erasure.id), inArray(accountErasures.status, ['scheduled', 'running'])))
    .returning()
  if (!row) return
  const done = new Set(row.stepsDone)
  const userId = row.userId
  const [user] = await deps.db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1)

  for (const step of ERASURE_STEPS) {
    if (done.has(step)) continue
    if (step === 'sessions') {
      await inTransaction(deps, async ({ db }) => {
        await db.delete(sessions).where(eq(sessions.userId, userId))
        await markStep(db, row, step)
      })
    } else if (step === 'bookings') {
      // Future bookings are cancelled (not just deleted) so the coach is told and the slot frees up:
      // the coach gets the cancellation mail with the calendar CANCEL; the member, being erased, none.
      await inTransaction(deps, async (tx) => {
        const future = await tx.db
          .select()
          .from(coachingBookings)
          .where(and(eq(coachingBookings.memberId, userId), eq(coachingBookings.status, 'booked'), gt(coachingBookings.startsAt, now)))
          .for('update')
        for (const booking of future) {
          const canceled = await cancelInTransaction(tx.db, booking, { by: null, reason: 'member', returnCredit: false, now })
          await mailBookingParties(tx.db, deps, canceled, 'canceled', now, { only: 'coach' })
        }
        if (future.length > 0) {
          await recordAudit(tx.db, { actorUserId: null, subjectUserId: null, action: 'privacy.erasure_bookings_cancelled', details: { erasureId: row.id, bookingIds: future.map((b) => b.id) } }, now)
        }
        await markStep(tx.db, row, step)
      })
      deps.onMailQueued?.()
    } else if (step === 'storage') {
      for (const category of personalDataCategories) {
        for (const location of category.stored) {
          if (!('storagePrefix' in location) || !deps.storage.list) continue
          const prefix = location.storagePrefix.replace('{userId}', userId)
          const keys: string[] = []
          for await (const object of deps.storage.list(prefix)) keys.push(object.key)
          for (const key of keys) await deps.storage.delete(key)
        }
      }
      await inTransaction(deps, ({ db }) => markStep(db, row, step))
    } else if (step === 'processors') {
      // Generated from the registry's `onErasure` declarations (see tell-processors.ts): `api` is done
      // here, `task` opens one admin task per processor that holds something of the member, `ours`
      // (the storage host) was done by the storage step and is done by the database step, `none` says why.
      // ManyChat (`api`): its contact is cleared through its API and an admin task opened to delete it.
      // A failure throws, so this step is retried by the job (the clearing is idempotent, the task
      // opened once: see removeChatContact); the other tasks are keyed by erasure and processor.
      await removeChatContact(deps, { userId, reason: 'erasure' })
      await inTransaction(deps, async ({ db }) => {
        const notices = await openProcessorTasks(db, deps, { cause: 'erasure', causeId: row.id, subject: { userId, email: user?.email ?? '' }, now })
        // The API part: what removeChatContact left (also on a rerun, when it had nothing more to do).
        const [contact] = await db.select({ state: chatContacts.state, taskId: chatContacts.removalRequestId }).from(chatContacts).where(eq(chatContacts.userId, userId)).limit(1)
        const told = notices.map((notice): ProcessorNotice => {
          if (notice.handling !== 'api' || notice.processor !== 'manychat') return notice
          if (contact?.state !== 'removed') return { ...notice, outcome: 'nothing_held' }
          // Without MANYCHAT_API_KEY nothing was cleared: the admin task says to do it by hand.
          return { ...notice, outcome: deps.manychat ? 'cleared_via_api' : 'task_opened', taskId: contact.taskId }
        })
        await recordAudit(db, { actorUserId: null, subjectUserId: null, action: 'privacy.processors_notified', details: { erasureId: row.id, processors: told } }, now)
        await markStep(db, row, step)
      })
    } else {
      await inTransaction(deps, async ({ db }) => {
        await eraseRows(db, { userId, email: user?.email ?? null })
        await markStep(db, row, step)
        await db.update(accountErasures).set({ status: 'done', completedAt: now }).where(eq(accountErasures.id, row.id))
        await recordAudit(db, { actorUserId: null, subjectUserId: null, action: 'privacy.account_erased', details: { erasureId: row.id } }, now)
      })
    }
    await options.afterStep?.(step)
  }
}

/**
 * The database part, walked from the registry: data kept for a legal duty is unlinked, data that
 * stays without the member is anonymised, the rest deleted; the users row goes last.
 */
async function eraseRows(db: Tx, subject: { userId: string; email: string | null }): Promise<void> {
  const locations = personalDataCategories.flatMap((c) => c.stored.filter((l): l is TableLocation => 'table' in l))
  const target = { userId: subject.userId, email: subject.email ?? '' }
  const run = async (location: TableLocation, change: 'keep' | 'anonymise' | 'delete') => {
    if ('emailColumn' in location.subject && !subject.email) return
    const condition = subjectCondition(location, target)
    if (!condition) return
    const table = sql.identifier(location.table)
    if (change === 'delete') {
      await db.execute(sql`delete from ${table} where ${condition}`)
      return
    }
    const erasure = location.erasure
    const set =
      erasure.action === 'keep'
        ? Object.fromEntries(erasure.unlink.map((column) => [column, null]))
        : erasure.action === 'anonymise'
          ? erasure.set
          : {}
    const assignments = Object.entries(set).map(([column, value]) => sql`${sql.identifier(column)} = ${value}`)
    if (assignments.length > 0) await db.execute(sql`update ${table} set ${sql.join(assignments, sql`, `)} where ${condition}`)
  }
  // 1. Unlink what the law keeps, 2. anonymise, 3. delete (child tables before users).
  for (const location of locations) if (location.erasure.action === 'keep') await run(location, 'keep')
  for (const location of locations) if (location.erasure.action === 'anonymise') await run(location, 'anonymise')
  for (const location of locations) if (location.erasure.action === 'delete' && location.table !== 'users') await run(location, 'delete')
  for (const location of locations) if (location.erasure.action === 'delete' && location.table === 'users') await run(location, 'delete')
}

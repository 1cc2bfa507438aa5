import { randomUUID } from 'node:crypto'
import type { AppDeps } from '@jouwbot/api'
import { grantCredits, ledgerBalance } from '@jouwbot/api/coaching'
import { and, coachProfiles, coachingAvailability, coachingCreditUnits, coachingCredits, coachingSessionTypes, eq, isNull, mailOutbox, users, type Db } from '@jouwbot/db'
import ICAL from 'ical.js'
import { DateTime } from 'luxon'

/** A user straight into the table (no argon2). */
export async function insertUser(deps: Pick<AppDeps, 'db' | 'clock'>, role: 'member' | 'coach' | 'admin' = 'member', firstName = 'Sanne') {
  const now = deps.clock.now()
  const [row] = await deps.db
    .insert(users)
    .values({ email: `${role}-${randomUUID().slice(0, 8)}@example.nl`, passwordHash: 'not-used', firstName, lastName: 'Test', role, emailVerifiedAt: now, createdAt: now, updatedAt: now })
    .returning()
  return row!
}

/**
 * A coach in Europe/Amsterdam, weekdays 09:00–17:00, one 60-minute type costing 1 credit. The defaults
 * of the profile (24 h notice, 60 days ahead, 2 reschedules, 24 h cancellation window) unless given.
 */
export async function insertCoach(deps: Pick<AppDeps, 'db' | 'clock'>, profile: Partial<typeof coachProfiles.$inferInsert> = {}) {
  const user = await insertUser(deps, 'coach', 'Robin')
  await deps.db.insert(coachProfiles).values({ userId: user.id, displayName: 'Robin Coach', locationKind: 'video', locationDetail: 'https://meet.example/robin', ...profile })
  await deps.db.insert(coachingAvailability).values([1, 2, 3, 4, 5].map((weekday) => ({ coachId: user.id, weekday, startMinute: 540, endMinute: 1020 })))
  const [type] = await deps.db.insert(coachingSessionTypes).values({ coachId: user.id, title: 'Vastgelopen in een les', durationMinutes: 60, credits: 1 }).returning()
  return { coach: user, type: type! }
}

/** A member with `credits` granted by an admin (no withdrawal period applies to those). */
export async function memberWithCredits(deps: AppDeps, credits: number, admin?: { id: string }) {
  const member = await insertUser(deps)
  const granter = admin ?? (await insertUser(deps, 'admin', 'Beheer'))
  if (credits > 0) await grantCredits(deps, { adminId: granter.id, userId: member.id, credits, note: 'test' })
  return member
}

/** Credits the member can spend now (units) — must always equal the ledger's sum (`ledgerBalance`). */
export async function spendableUnits(db: Db, userId: string) {
  return (
    await db
      .select()
      .from(coachingCreditUnits)
      .where(and(eq(coachingCreditUnits.userId, userId), isNull(coachingCreditUnits.bookingId), isNull(coachingCreditUnits.takenBackAt), isNull(coachingCreditUnits.expiredAt)))
  ).length
}

export async function ledgerSum(db: Db, userId: string) {
  return (await db.select().from(coachingCredits).where(eq(coachingCredits.userId, userId))).reduce((total, row) => total + row.delta, 0)
}

export { ledgerBalance }

export async function coachingMails(db: Db, to: string) {
  return (await db.select().from(mailOutbox).where(and(eq(mailOutbox.to, to), eq(mailOutbox.template, 'coachingSession')))).sort((a, b) => a.seq - b.seq)
}

/** Parses a calendar file back with ical.js (another library than the one that wrote it). */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const event = calendar.getFirstSubcomponent('vevent')!
  const time = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate()
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
    start: time('dtstart'),
    end: time('dtend'),
    location: event.getFirstPropertyValue('location'),
  }
}

/** The next weekday (Mon–Fri) at least `days` ahead, at `hour`:00 in Amsterdam, as an instant. */
export function weekdayAt(now: Date, days: number, hour: number): Date {
  let day = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' }).plus({ days }).startOf('day')
  while (day.weekday > 5) day = day.plus({ days: 1 })
  return day.set({ hour }).toJSDate()
}

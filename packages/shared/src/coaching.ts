import { z } from 'zod'
import { lineString, multilineString } from './strings.ts'
import { emailSchema } from './auth.ts'

/** Coaching inputs, shared by the server's procedures and the web forms. */

const text = (max: number) => lineString().trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' })
const uuid = z.uuid({ error: 'validation.invalid' })

/** An IANA zone name such as Europe/Amsterdam; the server checks it against the platform's zone data. */
export const timeZoneSchema = lineString().trim().min(1).max(64).regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/, { error: 'validation.invalid' })

export const coachingLocationKinds = ['video', 'phone', 'in_person'] as const

export const coachProfileInput = z
  .object({
    displayName: text(80),
    bioNl: multilineString().trim().max(2000, { error: 'validation.tooLong' }),
    bioEn: multilineString().trim().max(2000, { error: 'validation.tooLong' }),
    languages: z.array(z.string().regex(/^[a-z]{2}$/, { error: 'validation.invalid' })).min(1, { error: 'validation.required' }).max(8),
    locationKind: z.enum(coachingLocationKinds, { error: 'validation.invalid' }),
    locationDetail: text(300),
    timeZone: timeZoneSchema,
    bufferBeforeMinutes: z.int().min(0).max(240),
    bufferAfterMinutes: z.int().min(0).max(240),
    minimumNoticeMinutes: z.int().min(0).max(43_200),
    horizonDays: z.int().min(1).max(365),
    maxSessionsPerDay: z.int().min(1).max(24).nullable(),
    maxUpcomingPerMember: z.int().min(1).max(50).nullable(),
    maxReschedules: z.int().min(0).max(10),
    cancelWindowHours: z.int().min(0).max(720),
  })
  .strict()
  .superRefine((value, ctx) => {
    // A video link must be https; a phone number digits and the usual signs.
    if (value.locationKind === 'video' && !/^https:\/\/[^\s]+$/.test(value.locationDetail)) {
      ctx.addIssue({ code: 'custom', path: ['locationDetail'], message: 'validation.httpsUrl' })
    }
    if (value.locationKind === 'phone' && !/^\+?[0-9 ()-]{6,20}$/.test(value.locationDetail)) {
      ctx.addIssue({ code: 'custom', path: ['locationDetail'], message: 'validation.phone' })
    }
  })
export type CoachProfileInput = z.infer<typeof coachProfileInput>

export const sessionTypeInput = z
  .object({
    id: uuid.optional(),
    title: text(80),
    durationMinutes: z.int().min(10).max(240),
    credits: z.int().min(1).max(10),
    active: z.boolean(),
  })
  .strict()
export type SessionTypeInput = z.infer<typeof sessionTypeInput>

const minute = z.int().min(0).max(1440)
const range = z.object({ startMinute: minute, endMinute: minute }).strict().refine((r) => r.startMinute < r.endMinute, { error: 'validation.invalid' })

export const availabilityInput = z
  .object({
    weekly: z.array(range.and(z.object({ weekday: z.int().min(1).max(7) }))).max(50),
    overrides: z
      .array(z.object({ date: z.iso.date({ error: 'validation.invalid' }), ranges: z.array(range).max(10) }).strict())
      .max(200),
  })
  .strict()
export type AvailabilityInput = z.infer<typeof availabilityInput>

export const slotsInput = z
  .object({
    coachId: uuid,
    sessionTypeId: uuid,
    /** Moving this booking: its own time and limits do not count against it. */
    rescheduleBookingId: uuid.optional(),
  })
  .strict()

export const bookSessionInput = z
  .object({
    coachId: uuid,
    sessionTypeId: uuid,
    startsAt: z.iso.datetime({ offset: true, error: 'validation.invalid' }),
    topic: multilineString().trim().max(1000, { error: 'validation.tooLong' }).default(''),
    lessonId: uuid.nullable().default(null),
    /** Required when the session starts within 14 days of the purchase of the credit it spends. */
    expressStartRequested: z.boolean().default(false),
    /** The browser's key for this request: a repeat (double click, retry) returns the same booking. */
    idempotencyKey: lineString().min(8).max(64),
  })
  .strict()
export type BookSessionInput = z.input<typeof bookSessionInput>

export const rescheduleInput = z
  .object({ bookingId: uuid, startsAt: z.iso.datetime({ offset: true, error: 'validation.invalid' }) })
  .strict()

export const cancelInput = z
  .object({
    bookingId: uuid,
    /** A member cancelling inside the cancellation window accepts that the credit lapses. */
    acceptForfeit: z.boolean().default(false),
  })
  .strict()

export const memberTimeZoneInput = z.object({ timeZone: timeZoneSchema }).strict()

export const adminCoachRoleInput = z.object({ email: emailSchema, coach: z.boolean() }).strict()

export const adminGrantCreditsInput = z
  .object({ userId: uuid, credits: z.int().min(1).max(20), note: text(300) })
  .strict()

export const adminExtendCreditInput = z
  .object({ unitId: uuid, expiresAt: z.iso.datetime({ offset: true, error: 'validation.invalid' }) })
  .strict()

export const coachingBookingStatuses = ['booked', 'canceled', 'held', 'member_no_show', 'coach_no_show'] as const

/** A coach opens the course progress of one member who booked them (purpose-bound, audited). */
export const memberProgressInput = z.object({ memberId: uuid }).strict()

/** Admin: all bookings, filtered by coach, status and a date range (inclusive dates, Amsterdam), paginated. */
export const adminBookingsInput = z
  .object({
    coachId: uuid.optional(),
    status: z.enum(coachingBookingStatuses, { error: 'validation.invalid' }).optional(),
    from: z.iso.date({ error: 'validation.invalid' }).optional(),
    to: z.iso.date({ error: 'validation.invalid' }).optional(),
    /** The id of the last booking of the previous page (keyset: start time, id). */
    cursor: uuid.optional(),
    /** Sent by tRPC's infinite queries; the list only pages forward. */
    direction: z.enum(['forward', 'backward']).optional(),
    limit: z.int().min(1).max(100).default(25),
  })
  .strict()
export type AdminBookingsInput = z.input<typeof adminBookingsInput>

/** Admin grants by the member's e-mail address (the form has no member picker). */
export const adminGrantCreditsByEmailInput = z.object({ email: emailSchema, credits: z.int().min(1).max(20), note: text(300) }).strict()

/** The coach's private notes on a session and the short summary shared with the member. */
export const sessionNotesInput = z
  .object({
    bookingId: uuid,
    coachNote: multilineString().trim().max(5000, { error: 'validation.tooLong' }),
    sharedSummary: multilineString().trim().max(2000, { error: 'validation.tooLong' }),
  })
  .strict()

/** A signed mail link's token: `<bookingId>.<sequence>.<signature>`. */
const sessionLinkToken = lineString().min(40).max(80).regex(/^[0-9a-f-]{36}\.[0-9]{1,6}\.[A-Za-z0-9_-]{22}$/, { error: 'validation.invalid' })
export const sessionLinkInput = z.object({ token: sessionLinkToken }).strict()
export const sessionLinkRescheduleInput = z
  .object({ token: sessionLinkToken, startsAt: z.iso.datetime({ offset: true, error: 'validation.invalid' }) })
  .strict()
export const sessionLinkCancelInput = z.object({ token: sessionLinkToken, acceptForfeit: z.boolean().default(false) }).strict()

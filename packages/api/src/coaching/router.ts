import {
  adminCoachRoleInput,
  adminExtendCreditInput,
  adminBookingsInput,
  adminGrantCreditsByEmailInput,
  adminGrantCreditsInput,
  availabilityInput,
  bookSessionInput,
  cancelInput,
  coachProfileInput,
  memberProgressInput,
  memberTimeZoneInput,
  rescheduleInput,
  sessionLinkCancelInput,
  sessionLinkInput,
  sessionLinkRescheduleInput,
  sessionNotesInput,
  sessionTypeInput,
  slotsInput,
} from '@jouwbot/shared'
import { z } from 'zod'
import { adminProcedure, authedProcedure, coachProcedure, publicProcedure, router } from '../trpc.ts'
import { bookSession } from './book-session.ts'
import { removeCoachPhoto } from './coach-photo.ts'
import { createCalendarFeed, getCalendarFeedStatus, revokeCalendarFeed } from './calendar-feed.ts'
import { cancelByLink } from './cancel-by-link.ts'
import { getLinkedSession } from './get-linked-session.ts'
import { listLinkedSlots } from './list-linked-slots.ts'
import { rescheduleByLink } from './reschedule-by-link.ts'
import { cancelBooking } from './cancel-booking.ts'
import { getCreditAccount, listMemberSessions } from './get-credit-account.ts'
import { extendCreditExpiry, grantCredits } from './grant-credits.ts'
import { getMemberProgress } from './get-member-progress.ts'
import { grantCreditsByEmail } from './grant-credits-by-email.ts'
import { listBookingsForAdmin } from './list-bookings-for-admin.ts'
import { listCoachSessions } from './list-coach-sessions.ts'
import { getCoach, listCoaches } from './list-coaches.ts'
import { listSlots } from './list-slots.ts'
import { markSessionOutcome } from './mark-session-outcome.ts'
import { rescheduleBooking } from './reschedule-booking.ts'
import { getAvailability, saveAvailability } from './save-availability.ts'
import { saveSessionNotes } from './save-session-notes.ts'
import { listOwnSessionTypes, saveSessionType } from './save-session-type.ts'
import { listCoachesForAdmin, setCoachRole } from './set-coach-role.ts'
import { setMemberTimeZone } from './set-member-time-zone.ts'
import { getOwnCoachProfile, updateCoachProfile } from './update-coach-profile.ts'

const coachIdInput = z.object({ coachId: z.uuid() }).strict()
const actorOf = (user: { id: string; role: 'member' | 'coach' | 'admin' }) => ({ userId: user.id, role: user.role })

export const coachingRouter = router({
  coaches: publicProcedure.query(({ ctx }) => listCoaches(ctx.deps)),
  coach: publicProcedure.input(coachIdInput).query(({ ctx, input }) => getCoach(ctx.deps, input)),
  slots: authedProcedure.input(slotsInput).query(({ ctx, input }) => listSlots(ctx.deps, { ...input, memberId: ctx.user.id })),
  book: authedProcedure
    .input(bookSessionInput)
    .mutation(({ ctx, input }) => bookSession(ctx.deps, { ...input, startsAt: new Date(input.startsAt), memberId: ctx.user.id })),
  reschedule: authedProcedure
    .input(rescheduleInput)
    .mutation(({ ctx, input }) => rescheduleBooking(ctx.deps, { actor: actorOf(ctx.user), bookingId: input.bookingId, startsAt: new Date(input.startsAt) })),
  cancel: authedProcedure.input(cancelInput).mutation(({ ctx, input }) => cancelBooking(ctx.deps, { actor: actorOf(ctx.user), ...input })),
  mySessions: authedProcedure.query(({ ctx }) => listMemberSessions(ctx.deps, { memberId: ctx.user.id })),
  credits: authedProcedure.query(({ ctx }) => getCreditAccount(ctx.deps, { userId: ctx.user.id })),
  // The private calendar feed (members and coaches): the URL is shown once, when made.
  calendarFeed: authedProcedure.query(({ ctx }) => getCalendarFeedStatus(ctx.deps, { userId: ctx.user.id })),
  createCalendarFeed: authedProcedure.mutation(({ ctx }) => createCalendarFeed(ctx.deps, { user: ctx.user })),
  revokeCalendarFeed: authedProcedure.mutation(({ ctx }) => revokeCalendarFeed(ctx.deps, { userId: ctx.user.id })),
  setTimeZone: authedProcedure.input(memberTimeZoneInput).mutation(({ ctx, input }) => setMemberTimeZone(ctx.deps, { userId: ctx.user.id, ...input })),

  // The signed links in the booking mails: no login, one session, used once, until its start.
  linkSession: publicProcedure.input(sessionLinkInput).query(async ({ ctx, input }) => (await getLinkedSession(ctx.deps, input)).session),
  linkSlots: publicProcedure.input(sessionLinkInput).query(({ ctx, input }) => listLinkedSlots(ctx.deps, input)),
  linkReschedule: publicProcedure
    .input(sessionLinkRescheduleInput)
    .mutation(({ ctx, input }) => rescheduleByLink(ctx.deps, { token: input.token, startsAt: new Date(input.startsAt) })),
  linkCancel: publicProcedure.input(sessionLinkCancelInput).mutation(({ ctx, input }) => cancelByLink(ctx.deps, input)),

  // The coach's own pages.
  ownProfile: coachProcedure.query(({ ctx }) => getOwnCoachProfile(ctx.deps, { coachId: ctx.user.id })),
  updateProfile: coachProcedure.input(coachProfileInput).mutation(({ ctx, input }) => updateCoachProfile(ctx.deps, { coachId: ctx.user.id, profile: input })),
  // The photo is uploaded over plain HTTP (POST /coaching/coach-photo, the raw image); removed here.
  removePhoto: coachProcedure.mutation(({ ctx }) => removeCoachPhoto(ctx.deps, { coachId: ctx.user.id })),
  ownSessionTypes: coachProcedure.query(({ ctx }) => listOwnSessionTypes(ctx.deps, { coachId: ctx.user.id })),
  saveSessionType: coachProcedure.input(sessionTypeInput).mutation(({ ctx, input }) => saveSessionType(ctx.deps, { coachId: ctx.user.id, sessionType: input })),
  availability: coachProcedure.query(({ ctx }) => getAvailability(ctx.deps, { coachId: ctx.user.id })),
  saveAvailability: coachProcedure.input(availabilityInput).mutation(({ ctx, input }) => saveAvailability(ctx.deps, { coachId: ctx.user.id, availability: input })),
  coachSessions: coachProcedure.query(({ ctx }) => listCoachSessions(ctx.deps, { coach: ctx.user })),
  memberProgress: coachProcedure.input(memberProgressInput).query(({ ctx, input }) => getMemberProgress(ctx.deps, { coach: ctx.user, memberId: input.memberId })),
  saveNotes: coachProcedure
    .input(sessionNotesInput)
    .mutation(({ ctx, input }) => saveSessionNotes(ctx.deps, { actor: actorOf(ctx.user), ...input })),
  markOutcome: coachProcedure
    .input(z.object({ bookingId: z.uuid(), outcome: z.enum(['held', 'member_no_show', 'coach_no_show']) }).strict())
    .mutation(({ ctx, input }) => markSessionOutcome(ctx.deps, { actor: actorOf(ctx.user), ...input })),
})

export const adminCoachingRouter = router({
  coaches: adminProcedure.query(({ ctx }) => listCoachesForAdmin(ctx.deps)),
  setCoach: adminProcedure.input(adminCoachRoleInput).mutation(({ ctx, input }) => setCoachRole(ctx.deps, { adminId: ctx.user.id, ...input })),
  bookings: adminProcedure.input(adminBookingsInput).query(({ ctx, input }) => listBookingsForAdmin(ctx.deps, { admin: ctx.user, filters: input })),
  grantCreditsByEmail: adminProcedure.input(adminGrantCreditsByEmailInput).mutation(({ ctx, input }) => grantCreditsByEmail(ctx.deps, { adminId: ctx.user.id, ...input })),
  grantCredits: adminProcedure.input(adminGrantCreditsInput).mutation(({ ctx, input }) => grantCredits(ctx.deps, { adminId: ctx.user.id, ...input })),
  extendCredit: adminProcedure
    .input(adminExtendCreditInput)
    .mutation(({ ctx, input }) => extendCreditExpiry(ctx.deps, { adminId: ctx.user.id, unitId: input.unitId, expiresAt: new Date(input.expiresAt) })),
})

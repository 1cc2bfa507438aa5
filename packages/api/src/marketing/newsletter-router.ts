import {
  linkTokenInput,
  memberNewsletterInput,
  newsletterIdInput,
  newsletterSlugInput,
  previewNewsletterInput,
  recordBounceInput,
  requestEbookInput,
  saveNewsletterInput,
  scheduleNewsletterInput,
  subscribeNewsletterInput,
} from '@jouwbot/shared'
import type { Viewer } from '../context.ts'
import { adminProcedure, authedProcedure, publicProcedure, router } from '../trpc.ts'
import { confirmEbook } from './confirm-ebook.ts'
import { confirmSubscription } from './confirm-subscription.ts'
import { getNewsletter, listNewsletters, previewNewsletter } from './list-newsletters.ts'
import { setMemberNewsletter } from './member-newsletter.ts'
import { getArchivedNewsletter, listNewsletterArchive } from './newsletter-archive.ts'
import { recordBounce } from './record-bounce.ts'
import { requestEbook } from './request-ebook.ts'
import { saveNewsletter } from './save-newsletter.ts'
import { cancelScheduledNewsletter, scheduleNewsletter } from './schedule-newsletter.ts'
import { sendTestNewsletter } from './send-test-newsletter.ts'
import { subscribeNewsletter } from './subscribe-newsletter.ts'
import { unsubscribeNewsletter } from './unsubscribe-newsletter.ts'

/** The signed-in member, only once fully logged in (a pending second factor counts as a visitor). */
const memberOf = (ctx: Viewer) => (ctx.user && ctx.session && (!ctx.user.totpEnabledAt || ctx.session.twoFactorVerified) ? ctx.user : null)

/** marketing.* — the free e-book and the newsletter (public and member procedures). */
export const newsletterRouter = router({
  requestEbook: publicProcedure
    .input(requestEbookInput)
    .mutation(({ ctx, input }) => requestEbook(ctx.deps, { ...input, ip: ctx.request.ip, user: memberOf(ctx) })),
  confirmEbook: publicProcedure.input(linkTokenInput).mutation(({ ctx, input }) => confirmEbook(ctx.deps, input)),
  subscribe: publicProcedure
    .input(subscribeNewsletterInput)
    .mutation(({ ctx, input }) => subscribeNewsletter(ctx.deps, { ...input, ip: ctx.request.ip, user: memberOf(ctx) })),
  confirmSubscription: publicProcedure.input(linkTokenInput).mutation(({ ctx, input }) => confirmSubscription(ctx.deps, input)),
  /** The button on the page a GET of the unsubscribe link shows (the one-click POST is a plain route). */
  unsubscribe: publicProcedure.input(linkTokenInput).mutation(({ ctx, input }) => unsubscribeNewsletter(ctx.deps, input)),
  archive: publicProcedure.query(({ ctx }) => listNewsletterArchive(ctx.deps)),
  archived: publicProcedure.input(newsletterSlugInput).query(({ ctx, input }) => getArchivedNewsletter(ctx.deps, input)),
  memberNewsletter: authedProcedure.query(({ ctx }) => ({ subscribed: ctx.user.newsletterConsentAt !== null })),
  setMemberNewsletter: authedProcedure
    .input(memberNewsletterInput)
    .mutation(({ ctx, input }) => setMemberNewsletter(ctx.deps, { user: ctx.user, subscribed: input.subscribed })),
})

/** admin.marketing.* — staff with 2FA write, preview, test, schedule and follow newsletters. */
export const adminNewsletterRouter = router({
  newsletters: adminProcedure.query(({ ctx }) => listNewsletters(ctx.deps)),
  newsletter: adminProcedure.input(newsletterIdInput).query(({ ctx, input }) => getNewsletter(ctx.deps, input)),
  saveNewsletter: adminProcedure.input(saveNewsletterInput).mutation(({ ctx, input }) => saveNewsletter(ctx.deps, { input, staffId: ctx.user.id })),
  previewNewsletter: adminProcedure.input(previewNewsletterInput).query(({ input }) => previewNewsletter(input)),
  sendTestNewsletter: adminProcedure.input(newsletterIdInput).mutation(({ ctx, input }) => sendTestNewsletter(ctx.deps, { id: input.id, staff: ctx.user })),
  scheduleNewsletter: adminProcedure.input(scheduleNewsletterInput).mutation(({ ctx, input }) => scheduleNewsletter(ctx.deps, input)),
  cancelNewsletter: adminProcedure.input(newsletterIdInput).mutation(({ ctx, input }) => cancelScheduledNewsletter(ctx.deps, input)),
  recordBounce: adminProcedure.input(recordBounceInput).mutation(({ ctx, input }) => recordBounce(ctx.deps, input)),
})

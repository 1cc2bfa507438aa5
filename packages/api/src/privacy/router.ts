import { consentQueryInput, policyVersionInput, publishPolicyInput, runRetentionInput, setConsentInput } from '@jouwbot/shared'
import { z } from 'zod'
import { adminProcedure, adminSudoProcedure, authedProcedure, publicProcedure, router } from '../trpc.ts'
import { applyRetention } from './apply-retention.ts'
import { getConsent, listConsentHistory } from './get-consent.ts'
import { getPolicy, listPolicyVersions } from './get-policy.ts'
import { getPrivacyOverview } from './get-privacy-overview.ts'
import { listRetentionRuns } from './list-retention-runs.ts'
import { listKeyRotations, startKeyRotation } from './rotate-encryption-keys.ts'
import { acknowledgePolicy, getPolicyNotice } from './policy-notice.ts'
import { publishPolicyVersion } from './publish-policy-version.ts'
import { setConsent } from './set-consent.ts'

export const privacyRouter = router({
  /** Categories, purposes, legal bases, recipients, retention and cookies — generated from the registry. */
  overview: publicProcedure.query(({ ctx }) => getPrivacyOverview({ chatContactSync: Boolean(ctx.deps.manychat) })),
  /** The current statement, or an earlier version by number. */
  policy: publicProcedure.input(policyVersionInput).query(({ ctx, input }) => getPolicy(ctx.deps, input)),
  policyVersions: publicProcedure.query(({ ctx }) => listPolicyVersions(ctx.deps)),
  /** "Our privacy statement changed" for a member who has not seen the new version yet; null otherwise. */
  policyNotice: authedProcedure.query(({ ctx }) => getPolicyNotice(ctx.deps, { user: ctx.user })),
  acknowledgePolicy: authedProcedure
    .input(z.object({ version: z.number().int().positive().max(100_000) }).strict())
    .mutation(({ ctx, input }) => acknowledgePolicy(ctx.deps, { userId: ctx.user.id, version: input.version })),
  /** The current choices: on the account for a member, for this browser for a visitor. */
  consent: publicProcedure.input(consentQueryInput).query(({ ctx, input }) => getConsent(ctx.deps, { userId: ctx.user?.id, browserId: input.browserId })),
  /** Give or withdraw consent, per purpose (the same call either way). */
  setConsent: publicProcedure
    .input(setConsentInput)
    .mutation(({ ctx, input }) => setConsent(ctx.deps, { userId: ctx.user?.id ?? null, browserId: input.browserId, choices: input.choices, channel: input.channel })),
  /** A member's consent history, newest first. */
  consentHistory: authedProcedure.query(({ ctx }) => listConsentHistory(ctx.deps, { userId: ctx.user.id })),
})

export const adminPrivacyRouter = router({
  retentionRuns: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict())
    .query(({ ctx, input }) => listRetentionRuns(ctx.deps, input)),
  /** Runs the retention rules now; a dry run only reports. Deleting for real needs sudo. */
  runRetention: adminProcedure.input(runRetentionInput.extend({ dryRun: z.literal(true) })).mutation(({ ctx, input }) =>
    applyRetention(ctx.deps, { dryRun: true, rules: input.rules, job: 'admin' }),
  ),
  runRetentionForReal: adminSudoProcedure.input(runRetentionInput.extend({ dryRun: z.literal(false) })).mutation(({ ctx, input }) =>
    applyRetention(ctx.deps, { dryRun: false, rules: input.rules, job: 'admin' }),
  ),
  /** Field-encryption key rotation: the runs with progress, and how many values each key id holds. */
  keyRotations: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict())
    .query(({ ctx, input }) => listKeyRotations(ctx.deps, input)),
  /** Starts moving every encrypted field to the newest key (the job `privacy.rotate-keys` runs it). */
  startKeyRotation: adminSudoProcedure.mutation(({ ctx }) => startKeyRotation(ctx.deps, { adminId: ctx.user.id })),
  publishPolicy: adminSudoProcedure
    .input(publishPolicyInput)
    .mutation(({ ctx, input }) => publishPolicyVersion(ctx.deps, { text: input, publishedBy: ctx.user.id, notify: true })),
})

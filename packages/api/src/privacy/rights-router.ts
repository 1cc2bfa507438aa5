import {
  adminPrivacyRequestsInput,
  cancelErasureInput,
  exportIdInput,
  grantStaffRoleInput,
  objectInput,
  resolvePrivacyRequestInput,
  restrictionRequestInput,
  setStaffRoleInput,
  staffReviewInput,
} from '@jouwbot/shared'
import { adminProcedure, adminSudoProcedure, authedProcedure, publicProcedure, router, sudoProcedure } from '../trpc.ts'
import { cancelAccountErasure, erasurePlan, myErasure, scheduleAccountErasure } from './account-erasure.ts'
import { createExportDownloadLink, listMyDataExports, requestDataExport } from './data-exports.ts'
import { getPrivacySettings } from './get-privacy-settings.ts'
import { listMyPrivacyRequests, listPrivacyRequests } from './list-privacy-requests.ts'
import { listStaffAccess } from './list-staff-access.ts'
import { listStaffAccounts } from './list-staff-accounts.ts'
import { objectToProcessing } from './object-to-processing.ts'
import { recordStaffReview } from './record-staff-review.ts'
import { requestRestriction } from './request-restriction.ts'
import { resolvePrivacyRequest } from './resolve-privacy-request.ts'
import { setStaffRole } from './set-staff-role.ts'

/**
 * The member's privacy centre (`privacy.*`, issue 11 §2): rights procedures. The registry's own
 * procedures (policy, consent) join these in `privacy.*`; see root.ts.
 */
export const privacyRightsProcedures = {
  settings: authedProcedure.query(({ ctx }) => getPrivacySettings(ctx.deps, { user: ctx.user })),
  staffAccess: authedProcedure.query(({ ctx }) => listStaffAccess(ctx.deps, { user: ctx.user })),
  myRequests: authedProcedure.query(({ ctx }) => listMyPrivacyRequests(ctx.deps, { user: ctx.user })),
  object: authedProcedure.input(objectInput).mutation(({ ctx, input }) => objectToProcessing(ctx.deps, { user: ctx.user, to: input.to })),
  requestRestriction: authedProcedure
    .input(restrictionRequestInput)
    .mutation(({ ctx, input }) => requestRestriction(ctx.deps, { user: ctx.user, message: input.message })),
  exports: authedProcedure.query(({ ctx }) => listMyDataExports(ctx.deps, { user: ctx.user })),
  requestExport: authedProcedure.mutation(({ ctx }) => requestDataExport(ctx.deps, { user: ctx.user })),
  /** Sudo: the password (and code) again before the archive leaves. */
  erasurePlan: authedProcedure.query(({ ctx }) => erasurePlan({ chatContactSync: Boolean(ctx.deps.manychat) })),
  erasure: authedProcedure.query(({ ctx }) => myErasure(ctx.deps, { user: ctx.user })),
  /** Sudo: "delete my account" needs the password (and code) again. */
  requestErasure: sudoProcedure.mutation(({ ctx }) => scheduleAccountErasure(ctx.deps, { user: ctx.user })),
  cancelMyErasure: authedProcedure.mutation(({ ctx }) => cancelAccountErasure(ctx.deps, { user: ctx.user })),
  /** The cancel link in the confirmation mail works without logging in. */
  cancelErasure: publicProcedure.input(cancelErasureInput).mutation(({ ctx, input }) => cancelAccountErasure(ctx.deps, { token: input.token })),
  exportDownloadLink: sudoProcedure.input(exportIdInput).mutation(({ ctx, input }) => createExportDownloadLink(ctx.deps, { user: ctx.user, exportId: input.exportId })),
}

export const privacyRightsRouter = router(privacyRightsProcedures)

/** `admin.privacy.*` (issue 11 §6): the requests queue and the authorisations review. */
export const adminPrivacyRightsRouter = router({
  requests: adminProcedure.input(adminPrivacyRequestsInput).query(({ ctx, input }) => listPrivacyRequests(ctx.deps, { admin: ctx.user, status: input.status, cursor: input.cursor, limit: input.limit })),
  resolveRequest: adminProcedure.input(resolvePrivacyRequestInput).mutation(({ ctx, input }) => resolvePrivacyRequest(ctx.deps, { admin: ctx.user, ...input })),
  staff: adminProcedure.query(({ ctx }) => listStaffAccounts(ctx.deps, { admin: ctx.user })),
  setRole: adminSudoProcedure
    .input(setStaffRoleInput)
    .mutation(({ ctx, input }) => setStaffRole(ctx.deps, { admin: ctx.user, target: { userId: input.userId }, role: input.role })),
  grantRole: adminSudoProcedure
    .input(grantStaffRoleInput)
    .mutation(({ ctx, input }) => setStaffRole(ctx.deps, { admin: ctx.user, target: { email: input.email }, role: input.role })),
  recordReview: adminSudoProcedure.input(staffReviewInput).mutation(({ ctx, input }) => recordStaffReview(ctx.deps, { admin: ctx.user, note: input.note })),
})

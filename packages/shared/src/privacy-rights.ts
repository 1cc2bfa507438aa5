import { z } from 'zod'
import { lineString, multilineString } from './strings.ts'

/*
 * The privacy domain's rights part (issue 11 §2, §6): inputs shared by the server and the forms.
 */

/** Why a staff member read a member's personal data; shown to the member ("who looked at my data"). */
export const staffReadPurposes = ['course_access', 'order_administration', 'invoice_support', 'privacy_request', 'authorisation_review', 'coaching_session', 'coaching_administration'] as const
export type StaffReadPurpose = (typeof staffReadPurposes)[number]

/** Art. 12: a request is answered within one month. */
export const PRIVACY_REQUEST_DUE_DAYS = 30
/** Art. 17 grace period before an account is erased. */
export const ERASURE_GRACE_DAYS = 14
/** An export archive can be downloaded this long, then it is deleted. */
export const EXPORT_VALID_DAYS = 7
/** Staff authorisations are reviewed every quarter. */
export const STAFF_REVIEW_INTERVAL_DAYS = 91

const uuid = z.uuid({ error: 'validation.invalid' })
const message = multilineString().trim().max(2000, { error: 'validation.tooLong' })

export const objectInput = z.object({ to: z.enum(['newsletter', 'statistics']) }).strict()

export const restrictionRequestInput = z.object({ message: message.optional() }).strict()

export const resolvePrivacyRequestInput = z
  .object({
    requestId: uuid,
    decision: z.enum(['granted', 'refused']),
    outcome: multilineString().trim().min(1, { error: 'validation.required' }).max(2000, { error: 'validation.tooLong' }),
  })
  .strict()

/**
 * One page of the admin's privacy requests queue: open ones by due date, or all newest first. `cursor`
 * is the previous page's `nextCursor` (the last request's id: keyset pagination).
 */
export const adminPrivacyRequestsInput = z
  .object({
    status: z.enum(['open', 'all']).default('open'),
    cursor: z.uuid().optional(),
    /** Sent by tRPC's infinite queries; the list only pages forward. */
    direction: z.enum(['forward', 'backward']).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict()

export const setStaffRoleInput = z.object({ userId: uuid, role: z.enum(['member', 'coach', 'admin']) }).strict()

export const grantStaffRoleInput = z
  .object({
    email: lineString().trim().toLowerCase().max(254).pipe(z.email({ error: 'validation.email' })),
    role: z.enum(['coach', 'admin']),
  })
  .strict()

export const staffReviewInput = z.object({ note: multilineString().trim().max(1000, { error: 'validation.tooLong' }).optional() }).strict()

export const exportIdInput = z.object({ exportId: uuid }).strict()

export const cancelErasureInput = z.object({ token: lineString().trim().min(20).max(200) }).strict()

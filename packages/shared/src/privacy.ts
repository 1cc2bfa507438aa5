import { z } from 'zod'
import { lineString, multilineString } from './strings.ts'

/** What a visitor or member can consent to (the cookie dialog's switches and the consent log). */
export const consentPurposes = ['statistics', 'newsletter', 'chat'] as const
export type ConsentPurposeName = (typeof consentPurposes)[number]
/** The purposes the cookie dialog asks about (the newsletter is chosen at sign-up and in the account). */
export const cookieConsentPurposes = ['statistics'] as const

export const consentChannels = ['banner', 'cookie_settings', 'sign_up', 'account', 'unsubscribe_link'] as const
export type ConsentChannelName = (typeof consentChannels)[number]

/**
 * The version of the text a person saw when choosing; stored with each consent record. Raise the
 * number when the wording of that text changes.
 */
export const consentTextVersions = {
  banner: 'cookie-dialog-v1',
  cookie_settings: 'cookie-dialog-v1',
  sign_up: 'sign-up-newsletter-v1',
  account: 'account-newsletter-v1',
  unsubscribe_link: 'unsubscribe-v1',
} as const satisfies Record<ConsentChannelName, string>

/** The text of the Messenger-chat consent in the privacy centre (marketing, Messenger chat). */
export const chatConsentTextVersion = 'privacy-centre-chat-v1'

export { messengerLink, messengerRefs, type MessengerRef } from './messenger.ts'

/** A random id the browser keeps in localStorage to remember a visitor's choice (no IP, no fingerprint). */
export const browserIdSchema = z.uuid()

export const consentChoicesSchema = z
  .object({ statistics: z.boolean().optional(), newsletter: z.boolean().optional(), chat: z.boolean().optional() })
  .strict()
  .refine((choices) => Object.keys(choices).length > 0, { error: 'validation.required' })

export const setConsentInput = z
  .object({
    browserId: browserIdSchema.optional(),
    choices: consentChoicesSchema,
    channel: z.enum(consentChannels),
  })
  .strict()

export const consentQueryInput = z.object({ browserId: browserIdSchema.optional() }).strict()

export const policyVersionInput = z.object({ version: z.number().int().positive().max(100_000).optional() }).strict()

const policyChanges = z.array(lineString().trim().min(3, { error: 'validation.required' }).max(500, { error: 'validation.tooLong' })).min(1).max(30)

export const publishPolicyInput = z
  .object({
    titleNl: lineString().trim().min(3, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' }),
    titleEn: lineString().trim().min(3, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' }),
    bodyNl: multilineString().trim().min(50, { error: 'validation.required' }).max(100_000, { error: 'validation.tooLong' }),
    bodyEn: multilineString().trim().min(50, { error: 'validation.required' }).max(100_000, { error: 'validation.tooLong' }),
    changesNl: policyChanges,
    changesEn: policyChanges,
  })
  .strict()
export type PublishPolicyInput = z.infer<typeof publishPolicyInput>

export const retentionRuleIds = [
  'visitor-rate-limits',
  'unverified-accounts',
  'abandoned-orders',
  'sent-mail',
  'visitor-consent',
  'expired-invoices',
  'newsletter-unsubscribed',
  // marketing (statistics)
  'statistics-raw-events',
  'ebook-requests',
] as const
export type RetentionRuleName = (typeof retentionRuleIds)[number]

export const runRetentionInput = z
  .object({ dryRun: z.boolean(), rules: z.array(z.enum(retentionRuleIds)).max(retentionRuleIds.length).optional() })
  .strict()

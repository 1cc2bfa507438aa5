import { z } from 'zod'
import { emailSchema } from './auth.ts'
import { lineString, multilineString } from './strings.ts'

/**
 * Marketing (newsletter and e-book) inputs. The consent text version is stored with every
 * subscriber; raise it when the wording of the newsletter box changes.
 */
export const newsletterConsentTextVersion = 'newsletter-box-v1'

const firstName = lineString().trim().max(100, { error: 'validation.tooLong' })
const locale = z.enum(['nl', 'en'])
/** Random url-safe token from a mail link. */
const linkToken = lineString().min(10, { error: 'validation.invalid' }).max(200, { error: 'validation.invalid' })

export const requestEbookInput = z
  .object({
    email: emailSchema,
    firstName: firstName.optional(),
    /** The separate, unticked newsletter box: the e-book never depends on it. */
    newsletter: z.boolean().default(false),
    locale: locale.default('nl'),
    /** Honeypot: a field people never see; bots fill it in. */
    website: lineString().max(200).optional(),
  })
  .strict()

export const subscribeNewsletterInput = z
  .object({
    email: emailSchema,
    firstName: firstName.optional(),
    locale: locale.default('nl'),
    website: lineString().max(200).optional(),
  })
  .strict()

export const linkTokenInput = z.object({ token: linkToken }).strict()

export const newsletterSlug = lineString()
  .trim()
  .min(3, { error: 'validation.tooShort' })
  .max(120, { error: 'validation.tooLong' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'validation.invalid' })

export const saveNewsletterInput = z
  .object({
    id: z.uuid().optional(),
    subject: lineString().trim().min(3, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' }),
    slug: newsletterSlug.optional(),
    bodyMarkdown: multilineString().trim().min(10, { error: 'validation.required' }).max(100_000, { error: 'validation.tooLong' }),
    locale: locale.default('nl'),
  })
  .strict()

export const previewNewsletterInput = z
  .object({ bodyMarkdown: multilineString().max(100_000, { error: 'validation.tooLong' }) })
  .strict()

export const newsletterIdInput = z.object({ id: z.uuid() }).strict()

/** `at` in the future schedules; without it the newsletter is sent now. */
export const scheduleNewsletterInput = z.object({ id: z.uuid(), at: z.iso.datetime({ offset: true }).optional() }).strict()

export const newsletterSlugInput = z.object({ slug: newsletterSlug }).strict()

export const recordBounceInput = z.object({ email: emailSchema, kind: z.enum(['hard_bounce', 'complaint']) }).strict()

export const memberNewsletterInput = z.object({ subscribed: z.boolean() }).strict()

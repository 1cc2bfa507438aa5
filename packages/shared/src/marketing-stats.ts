import { z } from 'zod'
import { lineString } from './strings.ts'

/** The named events of the first-party statistics (recorded by the services where they happen). */
export const statEventNames = ['ebook_requested', 'ebook_confirmed', 'signup', 'checkout_started', 'paid'] as const
export type StatEventName = (typeof statEventNames)[number]

/**
 * The beacon `POST /api/stats/pageview`: the path of the page (no query, no fragment) and the host
 * name of the referring site, nothing more. Longer or odd values are refused, not trimmed.
 */
export const pageViewInput = z
  .object({
    path: lineString()
      .min(1)
      .max(300)
      .regex(/^\/[^?#\s]*$/, { error: 'validation.invalid' }),
    referrer: lineString()
      .max(253)
      .regex(/^[a-z0-9.-]*$/i, { error: 'validation.invalid' })
      .optional(),
    /** The visitor switched statistics on in the cookie dialog (needed while the statement in force promises consent). */
    consent: z.boolean().optional(),
  })
  .strict()
export type PageViewInput = z.infer<typeof pageViewInput>

/** The admin dashboard's period: calendar days in Europe/Amsterdam, at most about two years. */
export const statsDashboardInput = z
  .object({
    from: lineString().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.invalid' }),
    to: lineString().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.invalid' }),
  })
  .strict()
  .refine((input) => input.from <= input.to, { error: 'validation.invalid', path: ['to'] })

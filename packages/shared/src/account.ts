import { z } from 'zod'
import { BILLING_COUNTRIES } from './checkout.ts'
import { lineString } from './strings.ts'

const optionalLine = (max: number) =>
  lineString()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((value) => (value === '' ? null : value))
    .nullable()

/**
 * Art. 16: phone, company and address on the profile, all optional (empty clears). An order keeps
 * the billing details it was placed with; issued invoices are never rewritten.
 */
export const updateContactDetailsInput = z
  .object({
    phone: optionalLine(30).refine((value) => value === null || /^\+?[0-9 ()-]{6,30}$/.test(value), { error: 'validation.phone' }),
    company: optionalLine(120),
    addressLine: optionalLine(120),
    postalCode: optionalLine(12),
    city: optionalLine(80),
    country: z.enum(BILLING_COUNTRIES, { error: 'validation.invalid' }).nullable(),
    /**
     * The member's EU VAT number (any spacing, e.g. "NL 0044.95.445 B01"); empty clears it, absent leaves
     * it as it is. Format, check digit and (when configured) VIES are checked by the server.
     */
    vatNumber: optionalLine(24).optional(),
  })
  .strict()
export type ContactDetailsInput = z.input<typeof updateContactDetailsInput>
export type ContactDetails = z.output<typeof updateContactDetailsInput>

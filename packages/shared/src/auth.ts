import { z } from 'zod'
import { PASSWORD_MAX, PASSWORD_MIN } from './errors.ts'
import { lineString } from './strings.ts'

export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]
export const localeSchema = z.enum(locales)

export const emailSchema = lineString()
  .trim()
  .toLowerCase()
  .max(254, { error: 'validation.emailTooLong' })
  .pipe(z.email({ error: 'validation.email' }))

export { PASSWORD_MAX, PASSWORD_MIN }
/** Length only: no composition rules (NIST 800-63B). The common-password check runs on the server. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: 'validation.passwordTooShort' })
  .max(PASSWORD_MAX, { error: 'validation.passwordTooLong' })
/** An existing password is only checked for being present, never for today's rules. */
export const currentPasswordSchema = z
  .string()
  .min(1, { error: 'validation.required' })
  .max(PASSWORD_MAX, { error: 'validation.passwordTooLong' })

export const nameSchema = lineString()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(100, { error: 'validation.tooLong' })

export const totpCodeSchema = lineString()
  .trim()
  .regex(/^\d{6}$/, { error: 'validation.totpCode' })
export const recoveryCodeSchema = lineString()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(64, { error: 'validation.tooLong' })
export const tokenSchema = lineString().trim().min(16).max(200)

export const signUpInput = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    firstName: nameSchema,
    lastName: nameSchema,
    /** Newsletter consent: unticked by default and never required to sign up. */
    newsletter: z.boolean().default(false),
    locale: localeSchema.default('nl'),
  })
  .strict()
export type SignUpInput = z.input<typeof signUpInput>

export const logInInput = z.object({ email: emailSchema, password: currentPasswordSchema }).strict()
export const verifyTotpInput = z.object({ code: totpCodeSchema }).strict()
export const recoveryCodeLoginInput = z.object({ code: recoveryCodeSchema }).strict()
export const tokenInput = z.object({ token: tokenSchema }).strict()
export const emailInput = z.object({ email: emailSchema }).strict()
export const resetPasswordInput = z.object({ token: tokenSchema, password: newPasswordSchema }).strict()
export const changePasswordInput = z
  .object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema })
  .strict()
export const reauthenticateInput = z
  .object({ password: currentPasswordSchema, code: totpCodeSchema.optional() })
  .strict()
export const requestEmailChangeInput = z.object({ newEmail: emailSchema }).strict()
export const revokeSessionInput = z.object({ sessionId: lineString().min(1).max(64) }).strict()
export const disableTwoFactorInput = z.object({ password: currentPasswordSchema }).strict()
export const updateProfileInput = z
  .object({
    firstName: nameSchema,
    lastName: nameSchema,
    locale: localeSchema,
    newsletter: z.boolean(),
  })
  .strict()

export type UserRole = 'member' | 'coach' | 'admin'

/** What `auth.me` returns: the signed-in member as the client may see it. */
export interface Me {
  id: string
  email: string
  firstName: string
  lastName: string
  role: UserRole
  locale: Locale
  emailVerified: boolean
  newsletter: boolean
  twoFactorEnabled: boolean
  /** True while a 2FA user has given the password but not yet the code. */
  twoFactorPending: boolean
  /** Until when security changes are allowed without entering the password again. */
  sudoUntil: Date | null
}

/** Minutes that "sudo mode" lasts after the password (and code) were entered. */
export const SUDO_MINUTES = 10

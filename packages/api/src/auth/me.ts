import type { SessionRow, UserRow } from '@jouwbot/auth'
import { SUDO_MINUTES, type Me } from '@jouwbot/shared'

export function toMe(user: UserRow, session: SessionRow, now: Date): Me {
  const sudoUntil = new Date(session.reauthenticatedAt.getTime() + SUDO_MINUTES * 60_000)
  const twoFactorEnabled = user.totpEnabledAt !== null
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    locale: user.locale === 'en' ? 'en' : 'nl',
    emailVerified: user.emailVerifiedAt !== null,
    newsletter: user.newsletterConsentAt !== null,
    twoFactorEnabled,
    twoFactorPending: twoFactorEnabled && !session.twoFactorVerified,
    sudoUntil: sudoUntil > now ? sudoUntil : null,
  }
}

import type { UserRow } from '@jouwbot/auth'
import type { UserTokenPurpose } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import type { TxDeps } from '../transaction.ts'
import { issueUserToken } from './user-tokens.ts'
import { appLink, mailLocale } from './users.ts'

const linkFor = {
  verify_email: { path: '/verify-email', template: 'verifyEmail' },
  reset_password: { path: '/reset-password', template: 'resetPassword' },
  change_email: { path: '/confirm-email', template: 'confirmEmailChange' },
} as const satisfies Record<UserTokenPurpose, { path: string; template: string }>

/**
 * Issues a single-use token and mails its link, in the caller's transaction. For change_email the
 * link goes to the new address; otherwise to the account's own.
 */
export async function mailTokenLink(
  deps: TxDeps,
  { user, purpose, newEmail }: { user: UserRow; purpose: UserTokenPurpose; newEmail?: string },
): Promise<void> {
  const tx = deps.db
  const now = deps.clock.now()
  const token = await issueUserToken(tx, { userId: user.id, purpose, newEmail }, now)
  const { path, template } = linkFor[purpose]
  await enqueueMail(
    tx,
    {
      to: newEmail ?? user.email,
      template,
      locale: mailLocale(user),
      params: { firstName: user.firstName, url: appLink(deps.appOrigin, path, token) },
      seller: deps.seller,
    },
    now,
  )
}

import type { UserRow } from '@jouwbot/auth'
import { eq, users } from '@jouwbot/db'
import type { ContactDetails } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'

const pick = (user: Pick<UserRow, 'phone' | 'company' | 'addressLine' | 'postalCode' | 'city' | 'country'>): ContactDetails => ({
  phone: user.phone,
  company: user.company,
  addressLine: user.addressLine,
  postalCode: user.postalCode,
  city: user.city,
  country: user.country as ContactDetails['country'],
})

/** The member's own phone, company and address (privacy centre, art. 16). */
export async function getContactDetails(deps: Pick<AppDeps, 'db'>, { userId }: { userId: string }): Promise<ContactDetails> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId))
  return pick(user!)
}

/** Art. 16: corrects (or clears) phone, company and address; audited when anything changed. */
export async function updateContactDetails(deps: Pick<AppDeps, 'db' | 'clock'>, { user, details }: { user: UserRow; details: ContactDetails }): Promise<ContactDetails> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    // Compared with the row as it is now (not the session's copy), so the audit names what really changed.
    const [current] = await tx.select().from(users).where(eq(users.id, user.id)).for('update')
    const [updated] = await tx
      .update(users)
      .set({ ...details, updatedAt: now })
      .where(eq(users.id, user.id))
      .returning()
    const before = pick(current!)
    const changed = (Object.keys(details) as (keyof ContactDetails)[]).filter((key) => before[key] !== details[key])
    // The audit row names the fields, never their values.
    if (changed.length > 0) await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'account.contact_details_rectified', details: { fields: changed } }, now)
    return pick(updated!)
  })
}

import type { UserRow } from '@jouwbot/auth'
import { eq, users } from '@jouwbot/db'
import { AppError, type ContactDetails } from '@jouwbot/shared'
import { isPlausibleVatNumber, normalizeVatNumber } from '@jouwbot/vat'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'

type Stored = Pick<UserRow, 'phone' | 'company' | 'addressLine' | 'postalCode' | 'city' | 'country' | 'vatNumberEncrypted'>
export type ContactDetailsView = Required<ContactDetails>

const pick = (deps: Pick<AppDeps, 'cipher'>, user: Stored): ContactDetailsView => ({
  phone: user.phone,
  company: user.company,
  addressLine: user.addressLine,
  postalCode: user.postalCode,
  city: user.city,
  country: user.country as ContactDetails['country'],
  vatNumber: user.vatNumberEncrypted ? deps.cipher.decrypt(user.vatNumberEncrypted) : null,
})

/** The member's own phone, company, address and VAT number (privacy centre, art. 16). */
export async function getContactDetails(deps: Pick<AppDeps, 'db' | 'cipher'>, { userId }: { userId: string }): Promise<ContactDetailsView> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId))
  return pick(deps, user!)
}

/**
 * A VAT number as the checkout would accept it: an EU prefix, the national format and check digit, and
 * not declared invalid by the checker (VIES when configured, the offline check otherwise). VIES being
 * unavailable does not refuse it: the checkout checks again at the purchase. Returns it normalised.
 */
async function checkedVatNumber(deps: Pick<AppDeps, 'vatChecker'>, input: string): Promise<string> {
  const normalized = normalizeVatNumber(input)
  if (!normalized || !isPlausibleVatNumber(normalized.countryCode, normalized.number)) throw new AppError('BAD_REQUEST', 'contactDetails.vatNumberInvalid')
  const result = await deps.vatChecker.check(normalized.countryCode, normalized.number)
  if (result.status === 'invalid') throw new AppError('BAD_REQUEST', 'contactDetails.vatNumberInvalid')
  return `${normalized.countryCode}${normalized.number}`
}

/**
 * Art. 16: corrects (or clears) phone, company, address and VAT number; audited when anything changed.
 * The VAT number is stored field-encrypted (as on orders); an absent `vatNumber` leaves it as it is.
 */
export async function updateContactDetails(
  deps: Pick<AppDeps, 'db' | 'clock' | 'cipher' | 'vatChecker'>,
  { user, details }: { user: UserRow; details: ContactDetails },
): Promise<ContactDetailsView> {
  const now = deps.clock.now()
  const { vatNumber: vatInput, ...plain } = details
  // Checked before the transaction: VIES may take seconds, no row lock is held meanwhile.
  const vatNumber = vatInput === undefined || vatInput === null ? vatInput : await checkedVatNumber(deps, vatInput)
  return deps.db.transaction(async (tx) => {
    // Compared with the row as it is now (not the session's copy), so the audit names what really changed.
    const [current] = await tx.select().from(users).where(eq(users.id, user.id)).for('update')
    const before = pick(deps, current!)
    const vatChanged = vatNumber !== undefined && vatNumber !== before.vatNumber
    const [updated] = await tx
      .update(users)
      .set({ ...plain, ...(vatChanged ? { vatNumberEncrypted: vatNumber === null ? null : deps.cipher.encrypt(vatNumber) } : {}), updatedAt: now })
      .where(eq(users.id, user.id))
      .returning()
    const changed = (Object.keys(plain) as (keyof typeof plain)[]).filter((key) => before[key] !== plain[key])
    if (vatChanged) changed.push('vatNumber' as never)
    // The audit row names the fields, never their values.
    if (changed.length > 0) await recordAudit(tx, { actorUserId: user.id, subjectUserId: user.id, action: 'account.contact_details_rectified', details: { fields: changed } }, now)
    return pick(deps, updated!)
  })
}

import { consentRecords, desc, eq } from '@jouwbot/db'
import { consentPurposes, type ConsentPurposeName } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { currentChoice } from './record-consent.ts'

export interface ConsentState {
  /** null: never chosen (the cookie dialog asks). */
  choices: Record<ConsentPurposeName, boolean | null>
  /** Remembered on the account (member) or for this browser (visitor). */
  rememberedOn: 'account' | 'browser' | 'nowhere'
}

/** The current choices of a member (their account) or a visitor (their browser id). */
export async function getConsent(deps: Pick<AppDeps, 'db'>, input: { userId?: string | null | undefined; browserId?: string | null | undefined }): Promise<ConsentState> {
  const subject = { userId: input.userId ?? null, browserId: input.browserId ?? null }
  const choices = {} as Record<ConsentPurposeName, boolean | null>
  if (!subject.userId && !subject.browserId) {
    for (const purpose of consentPurposes) choices[purpose] = null
    return { choices, rememberedOn: 'nowhere' }
  }
  for (const purpose of consentPurposes) choices[purpose] = await currentChoice(deps.db, subject, purpose)
  return { choices, rememberedOn: subject.userId ? 'account' : 'browser' }
}

/** A member's consent history, newest first: what, given or withdrawn, which text, when, through which channel. */
export async function listConsentHistory(deps: Pick<AppDeps, 'db'>, input: { userId: string }) {
  return deps.db
    .select({
      id: consentRecords.id,
      purpose: consentRecords.purpose,
      granted: consentRecords.granted,
      textVersion: consentRecords.textVersion,
      channel: consentRecords.channel,
      at: consentRecords.createdAt,
    })
    .from(consentRecords)
    .where(eq(consentRecords.userId, input.userId))
    .orderBy(desc(consentRecords.createdAt))
    .limit(500)
}

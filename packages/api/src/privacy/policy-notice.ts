import type { UserRow } from '@jouwbot/auth'
import { and, eq, privacyPolicyAcknowledgements } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { currentPolicyVersion } from './policy-versions.ts'

/**
 * The notice "our privacy statement changed" for a member: the current version when it was published
 * after they joined and they have not closed the notice for it yet; otherwise null.
 */
export async function getPolicyNotice(deps: Pick<AppDeps, 'db' | 'clock'>, input: { user: Pick<UserRow, 'id' | 'createdAt'> }) {
  const current = await currentPolicyVersion(deps.db, deps.clock.now())
  if (!current || current.publishedAt <= input.user.createdAt) return null
  const [seen] = await deps.db
    .select({ version: privacyPolicyAcknowledgements.version })
    .from(privacyPolicyAcknowledgements)
    .where(and(eq(privacyPolicyAcknowledgements.userId, input.user.id), eq(privacyPolicyAcknowledgements.version, current.version)))
  if (seen) return null
  return { version: current.version, publishedAt: current.publishedAt, changes: { nl: current.changesNl, en: current.changesEn } }
}

/** The member closed the notice for `version`; repeating it changes nothing. */
export async function acknowledgePolicy(deps: Pick<AppDeps, 'db' | 'clock'>, input: { userId: string; version: number }): Promise<void> {
  const current = await currentPolicyVersion(deps.db, deps.clock.now())
  if (!current || current.version !== input.version) return
  await deps.db
    .insert(privacyPolicyAcknowledgements)
    .values({ userId: input.userId, version: input.version, seenAt: deps.clock.now() })
    .onConflictDoNothing()
}

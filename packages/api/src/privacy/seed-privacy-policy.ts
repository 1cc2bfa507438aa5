import { privacyPolicyVersions } from '@jouwbot/db'
import { currentPolicyVersion } from './policy-versions.ts'
import { publishPolicyVersion, type PublishPolicyDeps } from './publish-policy-version.ts'
import { policyV1, policyV2 } from './policy/texts.ts'

/**
 * Makes sure the statement versions that ship with the code exist: the 2018 text as version 1 (as it
 * was published then, no notice) and version 2, published now with a mail and notice to every member.
 * Idempotent: run at every boot.
 */
export async function seedPrivacyPolicy(deps: PublishPolicyDeps): Promise<{ published: number | null }> {
  await deps.db.insert(privacyPolicyVersions).values(policyV1).onConflictDoNothing()
  const current = await currentPolicyVersion(deps.db, deps.clock.now())
  if (current && current.version >= policyV2.version) return { published: null }
  const { version } = await publishPolicyVersion(deps, { text: policyV2, publishedBy: null, notify: true })
  return { published: version }
}

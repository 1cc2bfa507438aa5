import { desc, lte, privacyPolicyVersions } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { currentPolicyVersion, policyVersionByNumber } from './policy-versions.ts'

export interface PolicyView {
  version: number
  current: boolean
  publishedAt: Date
  title: { nl: string; en: string }
  body: { nl: string; en: string }
  changes: { nl: string[]; en: string[] }
}

/**
 * The privacy statement: the current version, or an earlier one by number (they stay readable).
 * Null when no version was published yet (a database the boot seed has not run on).
 */
export async function getPolicy(deps: Pick<AppDeps, 'db' | 'clock'>, input: { version?: number | undefined }): Promise<PolicyView | null> {
  const now = deps.clock.now()
  const current = await currentPolicyVersion(deps.db, now)
  if (input.version === undefined && !current) return null
  const row = input.version === undefined ? current : await policyVersionByNumber(deps.db, input.version, now)
  if (!row) throw new AppError('NOT_FOUND', 'error.notFound')
  return {
    version: row.version,
    current: row.version === current?.version,
    publishedAt: row.publishedAt,
    title: { nl: row.titleNl, en: row.titleEn },
    body: { nl: row.bodyNl, en: row.bodyEn },
    changes: { nl: row.changesNl, en: row.changesEn },
  }
}

/** Every published version, newest first, with its "what changed" list. */
export async function listPolicyVersions(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const rows = await deps.db
    .select({
      version: privacyPolicyVersions.version,
      publishedAt: privacyPolicyVersions.publishedAt,
      titleNl: privacyPolicyVersions.titleNl,
      titleEn: privacyPolicyVersions.titleEn,
      changesNl: privacyPolicyVersions.changesNl,
      changesEn: privacyPolicyVersions.changesEn,
    })
    .from(privacyPolicyVersions)
    .where(lte(privacyPolicyVersions.publishedAt, deps.clock.now()))
    .orderBy(desc(privacyPolicyVersions.version))
  return rows.map((r) => ({
    version: r.version,
    publishedAt: r.publishedAt,
    title: { nl: r.titleNl, en: r.titleEn },
    changes: { nl: r.changesNl, en: r.changesEn },
  }))
}

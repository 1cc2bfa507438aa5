import { and, desc, eq, lte, privacyPolicyVersions, type DbOrTx } from '@jouwbot/db'

export type PolicyVersionRow = typeof privacyPolicyVersions.$inferSelect

/** The version in force at `now`: the newest one published by then (null before any was seeded). */
export async function currentPolicyVersion(db: DbOrTx, now: Date): Promise<PolicyVersionRow | null> {
  const [row] = await db
    .select()
    .from(privacyPolicyVersions)
    .where(lte(privacyPolicyVersions.publishedAt, now))
    .orderBy(desc(privacyPolicyVersions.version))
    .limit(1)
  return row ?? null
}

export async function policyVersionByNumber(db: DbOrTx, version: number, now: Date): Promise<PolicyVersionRow | null> {
  const [row] = await db
    .select()
    .from(privacyPolicyVersions)
    .where(and(eq(privacyPolicyVersions.version, version), lte(privacyPolicyVersions.publishedAt, now)))
  return row ?? null
}

import { desc, privacyRetentionRuns } from '@jouwbot/db'
import type { AppDeps } from '../deps.ts'
import { retentionRules } from './registry.ts'

/** The newest retention runs for the admin page, with each rule's description. */
export async function listRetentionRuns(deps: Pick<AppDeps, 'db'>, input: { limit: number }) {
  const runs = await deps.db.select().from(privacyRetentionRuns).orderBy(desc(privacyRetentionRuns.startedAt)).limit(input.limit)
  return {
    rules: Object.entries(retentionRules).map(([id, rule]) => ({ id, schedule: rule.schedule, tables: [...rule.tables], description: rule.description })),
    runs: runs.map((run) => ({
      id: run.id,
      job: run.job,
      rule: run.rule,
      dryRun: run.dryRun,
      rows: run.rows,
      errors: run.errors,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    })),
  }
}

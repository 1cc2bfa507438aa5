import { auditLog, type DbOrTx } from '@jouwbot/db'

export interface AuditEntry {
  actorUserId: string | null
  subjectUserId: string | null
  action: string
  details?: Record<string, unknown>
}

/** Appends an audit row. Call it inside the transaction that makes the change. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry, now: Date): Promise<void> {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {}, createdAt: now })
}

import { rowsOf, sql, type DbOrTx, type SQL } from '@jouwbot/db'
import type { FieldCipher } from '@jouwbot/auth'
import { personalDataCategories, type PersonalDataCategory, type TableLocation } from './registry.ts'

/**
 * Columns that are never handed out, whatever a category says: password and token hashes, the TOTP
 * secret and state, session ids and calendar-feed ids (the public half of a token), the cancel-link hash, and the
 * PDF bytes (these go into the archive as files). Defence in depth next to `export: 'secret'`.
 */
export const NEVER_EXPORTED = new Set([
  'password_hash',
  'totp_secret',
  'totp_last_used_step',
  'secret_hash',
  'token_hash',
  'code_hash',
  'cancel_token_hash',
  'sessions.id',
  'coaching_calendar_feeds.id',
  'invoice_pdfs.pdf',
])

export interface Subject {
  userId: string
  email: string
}

export interface CollectedLocation {
  where: string
  rows: Record<string, unknown>[]
}

export interface CollectedCategory {
  category: PersonalDataCategory
  /** `secret`: the data exists but is never handed out; `unlinkable`: held, but not tied to an account. */
  locations: (CollectedLocation & { note?: 'secret' | 'unlinkable' })[]
}

const exportable = (location: TableLocation) =>
  location.columns.filter((column) => !NEVER_EXPORTED.has(column) && !NEVER_EXPORTED.has(`${location.table}.${column}`))

/** The condition that selects this member's rows of a registered table (null: not linkable to a member). */
export function subjectCondition(location: Pick<TableLocation, 'table' | 'subject'>, subject: Subject): SQL | null {
  const link = location.subject
  if ('userColumn' in link) return sql`${sql.identifier(link.userColumn)} = ${subject.userId}`
  if ('emailColumn' in link) return sql`lower(${sql.identifier(link.emailColumn)}) = ${subject.email.toLowerCase()}`
  if ('parent' in link) {
    const parent = tableLocationsOf(link.parent.table).find((l) => 'userColumn' in l.subject)
    if (!parent || !('userColumn' in parent.subject)) return null
    return sql`${sql.identifier(link.parent.column)} in (select id from ${sql.identifier(link.parent.table)} where ${sql.identifier(parent.subject.userColumn)} = ${subject.userId})`
  }
  return null
}

function tableLocationsOf(table: string): TableLocation[] {
  return personalDataCategories.flatMap((c) => c.stored.filter((l): l is TableLocation => 'table' in l && l.table === table))
}

/** Turns stored values into what the member can read: encrypted fields decrypted, mailed link tokens hidden. */
function readable(row: Record<string, unknown>, cipher: FieldCipher): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith('_encrypted')) {
      out[key.slice(0, -'_encrypted'.length)] = typeof value === 'string' ? cipher.decrypt(value) : value
    } else if (typeof value === 'string' && /[?&]token=/.test(value)) {
      // A mail body may still hold a single-use link (reset, e-mail change): never hand a token out.
      out[key] = value.replace(/([?&]token=)[^&\s"'<]+/g, '$1…')
    } else {
      out[key] = value
    }
  }
  return out
}

/**
 * Every registered category with this member's rows, walked from the registry (the single source):
 * a table added to the registry appears in the export without touching this file.
 */
export async function collectPersonalData(
  deps: { db: DbOrTx; cipher: FieldCipher },
  subject: Subject,
  onCategory?: (index: number, total: number) => Promise<void>,
): Promise<CollectedCategory[]> {
  const collected: CollectedCategory[] = []
  let index = 0
  for (const category of personalDataCategories) {
    const locations: CollectedCategory['locations'] = []
    for (const location of category.stored) {
      if (!('table' in location)) continue
      const where = `${location.table}.{${location.columns.join(', ')}}`
      if (category.export === 'secret') {
        locations.push({ where, rows: [], note: 'secret' })
        continue
      }
      const condition = subjectCondition(location, subject)
      if (!condition) {
        locations.push({ where, rows: [], note: 'unlinkable' })
        continue
      }
      const columns = exportable(location)
      if (columns.length === 0) continue
      const result = await deps.db.execute(
        sql`select ${sql.join(columns.map((c) => sql.identifier(c)), sql`, `)} from ${sql.identifier(location.table)} where ${condition}`,
      )
      locations.push({ where, rows: rowsOf<Record<string, unknown>>(result).map((row) => readable(row, deps.cipher)) })
    }
    collected.push({ category, locations })
    index += 1
    await onCategory?.(index, personalDataCategories.length)
  }
  return collected
}

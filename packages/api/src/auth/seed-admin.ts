import { hashPassword, randomToken } from '@jouwbot/auth'
import { seedRuns, users } from '@jouwbot/db'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'

/**
 * Creates the first admin exactly once (marked in seed_runs), with a random password that is
 * returned to be printed once. There is no shared or hard-coded admin password anywhere.
 */
export async function seedAdmin(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  email: string,
): Promise<{ email: string; password: string } | null> {
  const password = randomToken(12)
  const passwordHash = await hashPassword(password)
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [first] = await tx.insert(seedRuns).values({ name: 'admin-account' }).onConflictDoNothing().returning()
    if (!first) return null
    const [admin] = await tx
      .insert(users)
      .values({ email, passwordHash, firstName: 'Admin', lastName: 'Jouw Bot', role: 'admin', emailVerifiedAt: now, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: users.email })
      .returning()
    if (!admin) return null
    await recordAudit(tx, { actorUserId: null, subjectUserId: admin.id, action: 'account.admin_seeded' }, now)
    return { email, password }
  })
}

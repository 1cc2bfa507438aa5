// pnpm db:seed — runs the one-time seed steps (first admin account; later: demo content).
// Safe to repeat: each step is marked done in seed_runs and never runs twice.
import { seedAdmin } from '@jouwbot/api/auth'
import { systemClock } from '@jouwbot/auth'
import { createDb, lockDataDir, migrate } from '@jouwbot/db'
import { databaseTarget } from '@jouwbot/db/cli/target'
import { loadEnv } from '../env.ts'

const env = loadEnv()
const target = databaseTarget()
const release = target.kind === 'pglite' ? lockDataDir(target.url) : () => {}
try {
  const handle = await createDb(target.url)
  await migrate(handle)
  const admin = await seedAdmin({ db: handle.db, clock: systemClock }, env.ADMIN_EMAIL)
  console.log(admin ? `Admin created — e-mail: ${admin.email}  wachtwoord: ${admin.password} (shown once)` : 'Seed already applied; nothing to do.')
  await handle.close()
} finally {
  release()
}

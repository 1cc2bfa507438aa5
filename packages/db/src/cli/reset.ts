// pnpm db:reset — drops every table (and the job queue schema) and migrates again. Refuses in production.
import { clearPrepared, createDb, lockDataDir, migrate, sql } from '../index.ts'
import { databaseTarget } from './target.ts'

if (process.env.NODE_ENV === 'production') {
  console.error('db:reset refuses to run with NODE_ENV=production.')
  process.exit(1)
}
const target = databaseTarget()
const release = target.kind === 'pglite' ? lockDataDir(target.url) : () => {}
try {
  // The next start prepares the emptied folder again (admin, demo content) in its own process.
  if (target.kind === 'pglite') clearPrepared(target.url)
  const handle = await createDb(target.url)
  await handle.db.execute(sql`drop schema if exists public cascade`)
  await handle.db.execute(sql`drop schema if exists drizzle cascade`)
  await handle.db.execute(sql`drop schema if exists pgboss cascade`)
  await handle.db.execute(sql`create schema public`)
  await migrate(handle)
  await handle.close()
  console.log(`Database reset and migrated (${target.label}). The next start seeds a new admin account.`)
} finally {
  release()
}

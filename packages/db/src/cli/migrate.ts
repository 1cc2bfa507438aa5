// pnpm db:migrate — applies drizzle/ to DATABASE_URL, or to the embedded PGlite folder.
import { createDb, lockDataDir, migrate } from '../index.ts'
import { databaseTarget } from './target.ts'

const target = databaseTarget()
const release = target.kind === 'pglite' ? lockDataDir(target.url) : () => {}
try {
  const handle = await createDb(target.url)
  await migrate(handle)
  await handle.close()
  console.log(`Migrations applied (${target.label}).`)
} finally {
  release()
}

// The embedded database's preparation, in a process of its own (see data-folder-preparation.ts):
// started by the server with `fork(…, [folder])` while it holds the folder's lock, never by hand.
// It opens the PGlite folder, runs the same migrations and seeds the server runs at every start,
// closes the folder and exits, reporting over the IPC channel.
import { CourseStructureCache } from '@jouwbot/api/courses'
import { systemClock } from '@jouwbot/auth'
import { createDb, type DatabaseHandle } from '@jouwbot/db'
import pino from 'pino'
import type { PreparationMessage } from './data-folder-preparation.ts'
import { setUpDatabase } from './database-setup.ts'
import { loadEnv } from './env.ts'
import { createMediaStorage } from './media-storage.ts'
import { sellerFromEnv } from './payments.ts'

const folder = process.argv[2]
if (!process.send || !folder) {
  console.error('prepare is started by the server for its data folder (pnpm start), not on its own.')
  process.exit(2)
}
// The server stopped (or was killed): never go on with its folder without it holding the lock.
process.on('disconnect', () => process.exit(1))

function report(message: PreparationMessage, code: number): void {
  process.send!(message, () => process.exit(code))
}

/** The first line of an error and of its cause (drizzle's "Failed query: …" wraps the database's reason). */
function reason(error: unknown): string {
  const line = (value: unknown) => (value instanceof Error ? value.message : String(value)).split('\n')[0]!
  const cause = error instanceof Error && error.cause ? `: ${line(error.cause)}` : ''
  return `${line(error)}${cause}`
}

const env = loadEnv()
const logger = pino({ level: env.LOG_LEVEL })
let handle: DatabaseHandle | undefined
try {
  handle = await createDb(folder)
  const deps = { db: handle.db, clock: systemClock, appOrigin: env.APP_ORIGIN, seller: sellerFromEnv(env), courses: new CourseStructureCache() }
  await setUpDatabase(handle, deps, env, { storage: createMediaStorage(env).storage, logger })
  await handle.close()
  report({ ok: true }, 0)
} catch (error) {
  logger.error({ err: error }, 'preparing the data folder failed')
  await handle?.close().catch(() => {})
  report({ ok: false, message: reason(error) }, 1)
}

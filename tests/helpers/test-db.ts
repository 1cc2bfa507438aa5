import { truncateAll } from '@jouwbot/db/testing'
import { createTestDatabase } from '@jouwbot/db/testing'
import type { DatabaseHandle } from '@jouwbot/db'
import { afterAll, beforeEach } from 'vitest'

const cache = globalThis as { __jouwbotTestDb?: Promise<DatabaseHandle> }

/**
 * The worker's database: PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set.
 * Migrated once per worker; every test starts from empty tables.
 */
export function useTestDatabase(): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined
  beforeEach(async () => {
    cache.__jouwbotTestDb ??= createTestDatabase()
    handle = await cache.__jouwbotTestDb
    await truncateAll(handle)
  })
  afterAll(() => {
    // The handle outlives this file (isolate: false); the worker's exit closes it.
  })
  return () => {
    if (!handle) throw new Error('useTestDatabase: the database is only available inside tests')
    return handle
  }
}

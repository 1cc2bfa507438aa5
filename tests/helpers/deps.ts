import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppDeps, type AppDeps } from '@jouwbot/api'
import { generateEncryptionKey } from '@jouwbot/auth'
import type { DatabaseHandle } from '@jouwbot/db'
import { createMediaGateway } from '@jouwbot/server/media-gateway'
import { createLocalStorage, type Storage } from '@jouwbot/storage'
import { TestClock } from './clock.ts'

export const TEST_ORIGIN = 'http://localhost:3000'
export const TEST_MEDIA_SECRET = 'test-media-secret-test-media-secret-0123456789'

/** One media folder per test process; seeded files are overwritten, never shared across processes. */
export const testStorage: Storage = createLocalStorage(mkdtempSync(join(tmpdir(), 'jb-media-')))

export function makeDeps(handle: DatabaseHandle, overrides: Partial<AppDeps> = {}): AppDeps & { clock: TestClock } {
  const clock = new TestClock()
  const deps = createAppDeps({
    db: handle.db,
    sessionSecret: 'test-session-secret-test-session-secret',
    encryptionKeys: generateEncryptionKey('test1'),
    appOrigin: TEST_ORIGIN,
    devMailbox: true,
    media: createMediaGateway(testStorage, TEST_MEDIA_SECRET),
    clock,
  })
  return { ...deps, ...overrides, clock }
}

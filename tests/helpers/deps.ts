import { createAppDeps, type AppDeps } from '@jouwbot/api'
import { generateEncryptionKey } from '@jouwbot/auth'
import type { DatabaseHandle } from '@jouwbot/db'
import { TestClock } from './clock.ts'

export const TEST_ORIGIN = 'http://localhost:3000'

export function makeDeps(handle: DatabaseHandle, overrides: Partial<AppDeps> = {}): AppDeps & { clock: TestClock } {
  const clock = new TestClock()
  const deps = createAppDeps({
    db: handle.db,
    sessionSecret: 'test-session-secret-test-session-secret',
    encryptionKeys: generateEncryptionKey('test1'),
    appOrigin: TEST_ORIGIN,
    devMailbox: true,
    clock,
  })
  return { ...deps, ...overrides, clock }
}

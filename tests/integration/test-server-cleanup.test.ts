import { Server } from 'node:http'
import { expect, test, vi } from 'vitest'
import { createTestDatabase } from '@jouwbot/db/testing'
import { startTestServer } from '../helpers/test-server.ts'

test('a test server whose start fails half-way leaves nothing listening (a failed beforeAll leaks no server)', async () => {
  const handle = await createTestDatabase()
  await handle.close()
  const started: Server[] = []
  const listen = vi.spyOn(Server.prototype, 'listen').mockImplementation(function (this: Server, ...args: unknown[]) {
    started.push(this)
    listen.mockRestore()
    return (Server.prototype.listen as (...a: unknown[]) => Server).apply(this, args)
  })
  // Seeding the course on a closed database fails after the server already listens.
  await expect(startTestServer({ webDist: null, handle, seedCourse: true })).rejects.toThrow(/seed_runs/)
  expect(started).toHaveLength(1)
  expect(started[0]!.listening).toBe(false)
})

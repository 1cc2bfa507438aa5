import { describe, expect, test } from 'vitest'
import { cleanUpExpired } from '@jouwbot/api/auth'
import { rateLimits, sessions, userTokens } from '@jouwbot/db'
import { createMember } from '../helpers/accounts.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

describe('hourly clean-up', () => {
  test('removes expired sessions, used or expired link tokens and finished rate-limit windows — and nothing live', async () => {
    const deps = makeDeps(db())
    const { client } = await createMember(deps) // leaves a used verification token and rate-limit rows
    const fresh = await createMember(deps)
    await (await fresh.client.api()).auth.requestEmailChange({ newEmail: 'nieuw@example.nl' }) // a live token

    const before = {
      sessions: (await deps.db.select().from(sessions)).length,
      tokens: (await deps.db.select().from(userTokens)).length,
      limits: (await deps.db.select().from(rateLimits)).length,
    }
    expect(before).toMatchObject({ sessions: 2, tokens: 3 })
    expect(before.limits).toBeGreaterThan(0)

    // Nothing has expired yet: only the two used verification tokens go.
    expect(await cleanUpExpired(deps)).toEqual({ sessions: 0, tokens: 2 })
    expect(await deps.db.select().from(userTokens)).toHaveLength(1)

    // Keep one session alive past the others' sliding expiry.
    deps.clock.advance(29 * 24 * 60 * 60_000)
    await (await client.api()).auth.me()
    deps.clock.advance(2 * 24 * 60 * 60_000)
    expect(await cleanUpExpired(deps)).toEqual({ sessions: 1, tokens: 1 })
    expect(await deps.db.select().from(sessions)).toHaveLength(1)
    expect(await deps.db.select().from(rateLimits)).toEqual([])
  })
})

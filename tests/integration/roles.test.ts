import { describe, expect, test } from 'vitest'
import { createContextInner, type AppDeps } from '@jouwbot/api'
// The role procedures are not part of the package's index; the package exports its files too.
import { adminProcedure, coachProcedure, createCallerFactory, router } from '@jouwbot/api/trpc'
import { validateSessionToken } from '@jouwbot/auth'
import { eq, users, type UserRole } from '@jouwbot/db'
import { createMember, PASSWORD } from '../helpers/accounts.ts'
import { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { expectRefusal, turnOnTwoFactor } from '../helpers/flows.ts'

const db = useTestDatabase()

/** A stand-in for the coach and admin areas that later domains will add. */
const areas = router({
  coachArea: coachProcedure.query(({ ctx }) => ({ area: 'coach', role: ctx.user.role })),
  adminArea: adminProcedure.query(({ ctx }) => ({ area: 'admin', role: ctx.user.role })),
})
const createAreasCaller = createCallerFactory(areas)

/** Resolves the cookie token exactly like TestClient does, for the test router. */
async function areasFor(deps: AppDeps, token: string | null) {
  const validation = token ? await validateSessionToken(deps.db, token, deps.clock.now()) : null
  return createAreasCaller(
    createContextInner({
      deps,
      session: validation?.session ?? null,
      user: validation?.user ?? null,
      cookies: { set: () => {}, clear: () => {} },
      request: { requestId: 'test-request', ip: '203.0.113.7', userAgent: null },
    }),
  )
}

async function memberWithRole(deps: ReturnType<typeof makeDeps>, role: UserRole) {
  const member = await createMember(deps, { firstName: role })
  await deps.db.update(users).set({ role }).where(eq(users.email, member.email))
  // Staff procedures need 2FA on (tests/integration/privacy-staff.test.ts checks the refusal).
  if (role !== 'member') await turnOnTwoFactor(deps, member.client)
  return member
}

describe('roles', () => {
  test('anonymous callers are UNAUTHORIZED everywhere', async () => {
    const deps = makeDeps(db())
    const api = await areasFor(deps, null)
    await expectRefusal(api.coachArea(), 'UNAUTHORIZED', 'error.unauthorized')
    await expectRefusal(api.adminArea(), 'UNAUTHORIZED', 'error.unauthorized')
  })

  test('a member is FORBIDDEN in the coach and admin areas', async () => {
    const deps = makeDeps(db())
    const { client } = await memberWithRole(deps, 'member')
    const api = await areasFor(deps, client.token)
    await expectRefusal(api.coachArea(), 'FORBIDDEN', 'error.forbidden')
    await expectRefusal(api.adminArea(), 'FORBIDDEN', 'error.forbidden')
  })

  test('a coach may enter the coach area, not the admin area', async () => {
    const deps = makeDeps(db())
    const { client } = await memberWithRole(deps, 'coach')
    const api = await areasFor(deps, client.token)
    await expect(api.coachArea()).resolves.toEqual({ area: 'coach', role: 'coach' })
    await expectRefusal(api.adminArea(), 'FORBIDDEN', 'error.forbidden')
    expect((await (await client.api()).auth.me())?.role).toBe('coach')
  })

  test('an admin may enter both', async () => {
    const deps = makeDeps(db())
    const { client } = await memberWithRole(deps, 'admin')
    const api = await areasFor(deps, client.token)
    await expect(api.coachArea()).resolves.toEqual({ area: 'coach', role: 'admin' })
    await expect(api.adminArea()).resolves.toEqual({ area: 'admin', role: 'admin' })
  })

  test('the role is read on every request: a demoted admin is refused at once, without logging in again', async () => {
    const deps = makeDeps(db())
    const { client, email } = await memberWithRole(deps, 'admin')
    await expect((await areasFor(deps, client.token)).adminArea()).resolves.toMatchObject({ area: 'admin' })

    await deps.db.update(users).set({ role: 'member' }).where(eq(users.email, email))

    await expectRefusal((await areasFor(deps, client.token)).adminArea(), 'FORBIDDEN', 'error.forbidden')
  })

  test('an admin who has not yet given the second factor is not let in', async () => {
    const deps = makeDeps(db())
    const { email } = await memberWithRole(deps, 'admin')
    const pending = new TestClient(deps, '198.51.100.1')
    await expect((await pending.api()).auth.logIn({ email, password: PASSWORD })).resolves.toEqual({ status: 'totp_required' })

    const api = await areasFor(deps, pending.token)
    await expectRefusal(api.adminArea(), 'UNAUTHORIZED', 'auth.totpRequired')
    await expectRefusal(api.coachArea(), 'UNAUTHORIZED', 'auth.totpRequired')
  })
})

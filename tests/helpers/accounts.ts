import type { AppDeps } from '@jouwbot/api'
import { TestClient } from './client.ts'
import { eq, users, type UserRole } from '@jouwbot/db'
import { turnOnTwoFactor } from './flows.ts'
import { lastLinkToken } from './mailbox.ts'

let counter = 0
export const PASSWORD = 'paarse-olifant-danst-2026'

export function uniqueEmail(prefix = 'lid'): string {
  counter += 1
  return `${prefix}${counter}-${Date.now()}@example.nl`
}

/** Signs up and verifies through the real procedures; returns a logged-in client. */
export async function createMember(
  deps: AppDeps,
  options: { email?: string; password?: string; firstName?: string } = {},
): Promise<{ client: TestClient; email: string; password: string }> {
  const email = options.email ?? uniqueEmail()
  const password = options.password ?? PASSWORD
  const client = new TestClient(deps)
  const api = await client.api()
  await api.auth.signUp({ email, password, firstName: options.firstName ?? 'Sanne', lastName: 'de Vries' })
  await (await client.api()).auth.verifyEmail({ token: await lastLinkToken(deps.db, email, '/verify-email') })
  await (await client.api()).auth.logIn({ email, password })
  return { client, email, password }
}

/**
 * Makes an existing member staff the way an admin would need them: the role plus 2FA switched on
 * (staff procedures refuse staff without it). The client's session has proved the second factor.
 */
export async function makeStaff(
  deps: AppDeps & { clock: { advance(ms: number): void } },
  member: { client: TestClient; email: string },
  role: Exclude<UserRole, 'member'> = 'admin',
): Promise<{ id: string; secret: string }> {
  const [row] = await deps.db.update(users).set({ role }).where(eq(users.email, member.email)).returning({ id: users.id })
  const { secret } = await turnOnTwoFactor(deps, member.client)
  return { id: row!.id, secret }
}

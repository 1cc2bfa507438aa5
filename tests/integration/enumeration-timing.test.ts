import { describe, expect, test } from 'vitest'
import { createCaller, createContextInner, type AppDeps } from '@jouwbot/api'
import { eq, mailOutbox, users } from '@jouwbot/db'
import { createMember, PASSWORD, uniqueEmail } from '../helpers/accounts.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

let ipCounter = 0
/** A plain caller, as the HTTP adapter makes one: its answer comes before any `afterAnswer` work. */
const caller = (deps: AppDeps) =>
  createCaller(
    createContextInner({
      deps,
      cookies: { set() {}, clear() {} },
      request: { requestId: 'test', ip: `198.18.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`, userAgent: null },
    }),
  )

const mailCount = async (deps: AppDeps, to: string) => (await deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, to))).length
const userCount = async (deps: AppDeps, email: string) => (await deps.db.select().from(users).where(eq(users.email, email))).length

describe('no account enumeration by timing: the same work before the answer', () => {
  test('password reset: nothing that depends on the address happens before the answer', async () => {
    const deps = makeDeps(db())
    const { email } = await createMember(deps)
    const before = await mailCount(deps, email)
    const unknown = uniqueEmail('onbekend')

    // Measured as work done, not time: at the moment each answer arrives, neither address has been
    // looked up or mailed; the per-IP count is all either request did.
    await expect(caller(deps).auth.requestPasswordReset({ email })).resolves.toEqual({ ok: true })
    expect(await mailCount(deps, email)).toBe(before)
    await expect(caller(deps).auth.requestPasswordReset({ email: unknown })).resolves.toEqual({ ok: true })
    expect(await mailCount(deps, unknown)).toBe(0)

    // Right after the answer the known address gets its mail; the unknown one nothing.
    await deps.afterAnswer.settled()
    expect(await mailCount(deps, email)).toBe(before + 1)
    expect(await mailCount(deps, unknown)).toBe(0)
  })

  test('sign-up: a new and a taken address do the same work before the answer', async () => {
    const deps = makeDeps(db())
    const { email: taken } = await createMember(deps)
    const fresh = uniqueEmail('nieuw')
    const takenMails = await mailCount(deps, taken)
    const person = { password: PASSWORD, firstName: 'Eva', lastName: 'Jansen' }

    await expect(caller(deps).auth.signUp({ email: fresh, ...person })).resolves.toEqual({ ok: true })
    expect(await userCount(deps, fresh)).toBe(0)
    expect(await mailCount(deps, fresh)).toBe(0)
    await deps.afterAnswer.settled()
    await expect(caller(deps).auth.signUp({ email: taken, ...person })).resolves.toEqual({ ok: true })
    expect(await mailCount(deps, taken)).toBe(takenMails)

    await deps.afterAnswer.settled()
    expect(await userCount(deps, fresh)).toBe(1)
    expect(await mailCount(deps, fresh)).toBe(1) // the verification link
    expect(await mailCount(deps, taken)).toBe(takenMails + 1) // "you already have an account"
  })
})

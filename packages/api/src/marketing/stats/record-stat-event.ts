import { statEvents, type DbOrTx } from '@jouwbot/db'
import type { StatEventName } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { mayProcess } from '../../privacy/get-privacy-settings.ts'
import { saltOfDay, statsDay, visitorHash } from './stats-day.ts'
import { cookielessCountingAnnounced } from './statistics-policy.ts'

export interface StatVisitor {
  ip: string
  userAgent: string
  /** `DNT: 1` or `Sec-GPC: 1` was sent: nothing is recorded. */
  optedOut: boolean
  /** Statistics switched on in the cookie dialog; without it the visitor is hashed only once the statement in force allows. */
  consent?: boolean | undefined
}

export interface RecordStatEventInput {
  name: StatEventName
  /** The member the event is about, if any: nothing is recorded after their objection (or restriction). Never stored. */
  userId?: string | null | undefined
  /** The request behind the event, if there is one: then the event counts a (daily-hashed) visitor too. */
  visitor?: StatVisitor | undefined
  /** Called with the error when recording failed (the business action goes on regardless). */
  onError?: ((error: unknown) => void) | undefined
}

/**
 * Records one named event (`ebook_requested`, `ebook_confirmed`, `signup`, `checkout_started`,
 * `paid`) for the statistics: a name and a time, and with a request a visitor hash of that day (only
 * with the visitor's consent or once the statement in force announces counting without it) — never an
 * account id, e-mail or IP address.
 *
 * Call it inside the transaction of the action where there is one (`deps.db` may be the transaction):
 * it runs in a savepoint of its own and swallows its errors, so a statistic can never fail or roll
 * back the sign-up or payment it counts. Returns whether a row was written.
 */
export async function recordStatEvent(deps: { db: DbOrTx; clock: AppDeps['clock']; appOrigin: string }, input: RecordStatEventInput): Promise<boolean> {
  if (input.visitor?.optedOut) return false
  try {
    return await deps.db.transaction(async (savepoint) => {
      if (input.userId && !(await mayProcess(savepoint, input.userId, 'statistics'))) return false
      const now = deps.clock.now()
      const day = statsDay(now)
      let hash: string | null = null
      if (input.visitor && (input.visitor.consent || (await cookielessCountingAnnounced(savepoint, now)))) {
        const salt = await saltOfDay(savepoint, day, now)
        hash = visitorHash({ salt, site: new URL(deps.appOrigin).host, ip: input.visitor.ip, userAgent: input.visitor.userAgent })
      }
      await savepoint.insert(statEvents).values({ name: input.name, occurredAt: now, day, visitorHash: hash })
      return true
    })
  } catch (error) {
    input.onError?.(error)
    return false
  }
}

import { coachingMemberSettings } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { isValidTimeZone } from './slots.ts'

/** Stores the member's time zone for coaching times (browser-detected, changeable). */
export async function setMemberTimeZone(deps: Pick<AppDeps, 'db' | 'clock'>, options: { userId: string; timeZone: string }): Promise<{ timeZone: string }> {
  if (!isValidTimeZone(options.timeZone)) throw new AppError('BAD_REQUEST', 'coaching.timeZoneInvalid')
  const now = deps.clock.now()
  await deps.db
    .insert(coachingMemberSettings)
    .values({ userId: options.userId, timeZone: options.timeZone, updatedAt: now })
    .onConflictDoUpdate({ target: coachingMemberSettings.userId, set: { timeZone: options.timeZone, updatedAt: now } })
  return { timeZone: options.timeZone }
}

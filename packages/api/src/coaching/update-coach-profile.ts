import { coachProfiles, eq } from '@jouwbot/db'
import { AppError, type CoachProfileInput } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import type { CoachProfileRow } from './coach-rules.ts'
import { isValidTimeZone } from './slots.ts'
import { coachPhotoUrl } from './coach-photo.ts'

export async function getOwnCoachProfile(deps: Pick<AppDeps, 'db'>, options: { coachId: string }): Promise<CoachProfileRow & { photoUrl: string | null }> {
  const [profile] = await deps.db.select().from(coachProfiles).where(eq(coachProfiles.userId, options.coachId))
  if (!profile) throw new AppError('NOT_FOUND', 'coaching.coachNotFound')
  return { ...profile, photoUrl: coachPhotoUrl(profile.userId, profile.photoKey) }
}

/** The coach edits their own profile, location and booking rules. */
export async function updateCoachProfile(deps: Pick<AppDeps, 'db' | 'clock'>, options: { coachId: string; profile: CoachProfileInput }): Promise<CoachProfileRow> {
  if (!isValidTimeZone(options.profile.timeZone)) throw new AppError('BAD_REQUEST', 'coaching.timeZoneInvalid')
  const [updated] = await deps.db
    .update(coachProfiles)
    .set({ ...options.profile, updatedAt: deps.clock.now() })
    .where(eq(coachProfiles.userId, options.coachId))
    .returning()
  if (!updated) throw new AppError('NOT_FOUND', 'coaching.coachNotFound')
  return updated
}

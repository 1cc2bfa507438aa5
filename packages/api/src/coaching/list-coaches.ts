import { and, asc, coachProfiles, coachingSessionTypes, eq, inArray } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { coachPhotoUrl } from './coach-photo.ts'

export interface PublicCoach {
  id: string
  displayName: string
  bioNl: string
  bioEn: string
  languages: string[]
  /** The square WebP photo (EXIF stripped), or null. */
  photoUrl: string | null
  /** The kind of place only; where exactly is told to the booked member alone. */
  locationKind: 'video' | 'phone' | 'in_person'
  timeZone: string
  cancelWindowHours: number
  sessionTypes: { id: string; title: string; durationMinutes: number; credits: number }[]
}

/** Active coaches with at least one active session type: what members may see (never the location). */
export async function listCoaches(deps: Pick<AppDeps, 'db'>, options: { coachId?: string } = {}): Promise<PublicCoach[]> {
  const coaches = await deps.db
    .select()
    .from(coachProfiles)
    .where(and(eq(coachProfiles.active, true), options.coachId ? eq(coachProfiles.userId, options.coachId) : undefined))
    .orderBy(asc(coachProfiles.displayName))
  if (coaches.length === 0) return []
  const types = await deps.db
    .select()
    .from(coachingSessionTypes)
    .where(and(inArray(coachingSessionTypes.coachId, coaches.map((coach) => coach.userId)), eq(coachingSessionTypes.active, true)))
    .orderBy(asc(coachingSessionTypes.position), asc(coachingSessionTypes.durationMinutes))
  return coaches
    .map((coach) => ({
      id: coach.userId,
      displayName: coach.displayName,
      bioNl: coach.bioNl,
      bioEn: coach.bioEn,
      languages: coach.languages,
      photoUrl: coachPhotoUrl(coach.userId, coach.photoKey),
      locationKind: coach.locationKind,
      timeZone: coach.timeZone,
      cancelWindowHours: coach.cancelWindowHours,
      sessionTypes: types.filter((type) => type.coachId === coach.userId).map(({ id, title, durationMinutes, credits }) => ({ id, title, durationMinutes, credits })),
    }))
    .filter((coach) => coach.sessionTypes.length > 0)
}

export async function getCoach(deps: Pick<AppDeps, 'db'>, options: { coachId: string }): Promise<PublicCoach> {
  const [coach] = await listCoaches(deps, options)
  if (!coach) throw new AppError('NOT_FOUND', 'coaching.coachNotFound')
  return coach
}

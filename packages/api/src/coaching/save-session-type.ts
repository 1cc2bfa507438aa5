import { and, asc, coachingSessionTypes, eq } from '@jouwbot/db'
import { AppError, type SessionTypeInput } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'

export function listOwnSessionTypes(deps: Pick<AppDeps, 'db'>, options: { coachId: string }) {
  return deps.db.select().from(coachingSessionTypes).where(eq(coachingSessionTypes.coachId, options.coachId)).orderBy(asc(coachingSessionTypes.position), asc(coachingSessionTypes.createdAt))
}

/** Creates or edits one of the coach's session types (booked sessions keep their own duration and cost). */
export async function saveSessionType(deps: Pick<AppDeps, 'db' | 'clock'>, options: { coachId: string; sessionType: SessionTypeInput }) {
  const { id, ...values } = options.sessionType
  if (id) {
    const [updated] = await deps.db
      .update(coachingSessionTypes)
      .set(values)
      .where(and(eq(coachingSessionTypes.id, id), eq(coachingSessionTypes.coachId, options.coachId)))
      .returning()
    if (!updated) throw new AppError('NOT_FOUND', 'coaching.sessionTypeNotFound')
    return updated
  }
  const [created] = await deps.db.insert(coachingSessionTypes).values({ ...values, coachId: options.coachId, createdAt: deps.clock.now() }).returning()
  return created!
}

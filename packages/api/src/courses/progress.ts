import type { UserRow } from '@jouwbot/auth'
import { and, eq, lessonProgress, lessons, sql, type DbOrTx } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../deps.ts'
import { hasCourseAccess, seesEveryCourse } from './access.ts'
import { writeKnownProgress } from './known-progress-writes.ts'
import { lessonQueries } from './lesson-queries.ts'
import { coveredSeconds, creditRanges, type Range } from './watched-ranges.ts'

/** A lesson counts as done once this share of it was really watched. */
export const COMPLETION_SHARE = 0.9
/** Viewing faster than this (2× speed plus slack) is not credited. */
const MAX_SPEED = 2
const SLACK_SECONDS = 5

export interface ProgressInput {
  lessonId: string
  positionSeconds: number
  /** Everything the player reports as played in this page view (`video.played`). */
  playedRanges: Range[]
  /** When the client sent it: a late save (e.g. a beacon) never moves the position back. */
  clientTime: Date
}

async function lessonForViewer(db: DbOrTx, viewer: UserRow, lessonId: string) {
  const [lesson] = await db
    .select({ id: lessons.id, courseId: lessons.courseId, durationSeconds: lessons.durationSeconds, videoKey: lessons.videoKey, freePreview: lessons.freePreview, published: lessons.published })
    .from(lessons)
    .where(eq(lessons.id, lessonId))
    .limit(1)
  if (!lesson || !lesson.published) throw new AppError('NOT_FOUND', 'lesson.notFound')
  if (!lesson.freePreview && !(await hasCourseAccess(db, viewer, lesson.courseId))) throw new AppError('FORBIDDEN', 'course.locked')
  return lesson
}

type StoredProgress = Pick<typeof lessonProgress.$inferSelect, 'watchedRanges' | 'positionSeconds' | 'lastClientTime' | 'completedAt' | 'updatedAt'>

/** What a save makes of the stored progress: the merge both ways of saving share. */
function nextProgress(current: StoredProgress, lesson: { durationSeconds: number }, input: ProgressInput, now: Date) {
  const elapsedSeconds = Math.max(0, (now.getTime() - current.updatedAt.getTime()) / 1000)
  const watchedRanges = creditRanges(current.watchedRanges, input.playedRanges, lesson.durationSeconds, elapsedSeconds * MAX_SPEED + SLACK_SECONDS)
  const watchedSeconds = coveredSeconds(watchedRanges)
  const isNewer = !current.lastClientTime || input.clientTime >= current.lastClientTime
  const reachedEnd = lesson.durationSeconds > 0 && watchedSeconds >= lesson.durationSeconds * COMPLETION_SHARE
  return {
    watchedRanges,
    watchedSeconds,
    positionSeconds: isNewer ? Math.min(Math.max(0, input.positionSeconds), lesson.durationSeconds) : current.positionSeconds,
    lastClientTime: isNewer ? input.clientTime : current.lastClientTime,
    completedAt: current.completedAt ?? (reachedEnd ? now : null),
    updatedAt: now,
  }
}

/** A save that found its row changed by another save reads it again this often, then queues on the row lock. */
const OPTIMISTIC_ATTEMPTS = 3

type SavedRow = StoredProgress & Pick<typeof lessonProgress.$inferSelect, 'watchedSeconds'> & { version: string }
interface KnownProgress {
  lesson: { id: string; courseId: string; durationSeconds: number }
  row: SavedRow
}

/**
 * The row each recent save wrote, with its row version, per database handle and member+lesson: a
 * player saves every few seconds, and the next save starts from here instead of reading. Only a
 * hint — the write is a compare-and-set on the row version that also re-checks the lesson and the
 * entitlement, so a row changed elsewhere (another tab, another process, "mark complete") or a lost
 * entitlement sends the save down the reading path. Bounded: the oldest entries go first.
 */
const KNOWN_LIMIT = 10_000
const knownByDb = new WeakMap<object, Map<string, KnownProgress>>()

function knownProgress(db: object): Map<string, KnownProgress> {
  let known = knownByDb.get(db)
  if (!known) {
    known = new Map()
    knownByDb.set(db, known)
  }
  return known
}

function remember(known: Map<string, KnownProgress>, key: string, value: KnownProgress): void {
  known.delete(key) // re-inserted at the end: the map's order is the eviction order
  known.set(key, value)
  if (known.size > KNOWN_LIMIT) known.delete(known.keys().next().value!)
}

/**
 * Stores where the member is and what was watched. Idempotent (the same save twice changes
 * nothing), monotonic (coverage and completion never go back), and concurrent saves from two tabs
 * cannot lose each other's ranges: a save writes only if the row is still the version it read (a
 * compare-and-set on the row version) and otherwise reads it again and merges once more. A save
 * that follows this process's last save of the row is one statement (the write, checking lesson
 * and entitlement itself, shared with the other players' saves waiting at that moment:
 * ./known-progress-writes.ts); otherwise two prepared round trips: the read (lesson, entitlement,
 * progress) and the write. Under heavy contention for one row (many tabs at once) a save that lost
 * a few times takes the row lock instead (`saveProgressLocked`), so none can starve.
 */
export async function saveProgress(deps: AppDeps, viewer: UserRow, input: ProgressInput) {
  const now = deps.clock.now()
  const queries = lessonQueries(deps.db)
  const known = knownProgress(deps.db)
  const key = `${viewer.id}:${input.lessonId}`
  // The statements' placeholders, named one by one: spreading the values cost more than the rest
  // of this function.
  const toParams = (values: ReturnType<typeof nextProgress>) => ({
    userId: viewer.id,
    lessonId: input.lessonId,
    watchedRanges: values.watchedRanges,
    watchedSeconds: values.watchedSeconds,
    positionSeconds: values.positionSeconds,
    lastClientTime: values.lastClientTime?.toISOString() ?? null,
    completedAt: values.completedAt?.toISOString() ?? null,
    updatedAt: now.toISOString(),
  })

  const last = known.get(key)
  if (last) {
    const { lesson, row } = last
    const next = nextProgress(row, lesson, input, now)
    const saved = await writeKnownProgress(deps.db, {
      ...toParams(next),
      version: row.version,
      courseId: lesson.courseId,
      durationSeconds: lesson.durationSeconds,
      seesEveryCourse: seesEveryCourse(viewer),
    })
    if (saved) return afterSave(deps, viewer, known, key, lesson, { ...next, ...saved })
    known.delete(key) // changed elsewhere, or no longer allowed: read and decide below
  }

  for (let attempt = 1; ; attempt++) {
    const [found] = await queries.progressForViewer.execute({ lessonId: input.lessonId, userId: viewer.id })
    if (!found || !found.lesson.published) throw new AppError('NOT_FOUND', 'lesson.notFound')
    const { lesson } = found
    if (!lesson.freePreview && !seesEveryCourse(viewer) && !found.entitled) throw new AppError('FORBIDDEN', 'course.locked')
    // No row yet: as if one had been made a moment ago, so the first save credits what fits in that moment.
    const current = found.progress ?? { watchedRanges: [], positionSeconds: 0, lastClientTime: null, completedAt: null, updatedAt: new Date(now.getTime() - SLACK_SECONDS * 1000) }
    const next = nextProgress(current, lesson, input, now)
    const params = toParams(next)
    const [saved] = found.progress
      ? await queries.updateProgress.execute({ ...params, version: found.version })
      : await queries.insertProgress.execute({ ...params, courseId: lesson.courseId })
    if (saved) return afterSave(deps, viewer, known, key, lesson, { ...next, ...saved })
    // Another save changed (or made) the row since the read: merge into what it wrote.
    if (attempt >= OPTIMISTIC_ATTEMPTS) return saveProgressLocked(deps, viewer, input, now)
  }
}

/** `saved`: what the save wrote, with the row version and the `real` columns as the write returned them. */
function afterSave(deps: AppDeps, viewer: UserRow, known: Map<string, KnownProgress>, key: string, lesson: KnownProgress['lesson'], saved: SavedRow) {
  remember(known, key, { lesson: { id: lesson.id, courseId: lesson.courseId, durationSeconds: lesson.durationSeconds }, row: saved })
  // After the write: a read in between must not cache the old state again.
  deps.viewerCourses.invalidate(viewer.id)
  return toProgress(saved, lesson.durationSeconds)
}

/** The same save in a transaction holding the row lock: the fallback when the row keeps changing. */
async function saveProgressLocked(deps: AppDeps, viewer: UserRow, input: ProgressInput, now: Date) {
  const result = await deps.db.transaction(async (tx) => {
    const lesson = await lessonForViewer(tx, viewer, input.lessonId)
    await tx
      .insert(lessonProgress)
      .values({ userId: viewer.id, lessonId: lesson.id, courseId: lesson.courseId, updatedAt: new Date(now.getTime() - SLACK_SECONDS * 1000) })
      .onConflictDoNothing()
    const [current] = await tx
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, viewer.id), eq(lessonProgress.lessonId, lesson.id)))
      .for('update')
    const [saved] = await tx
      .update(lessonProgress)
      .set(nextProgress(current!, lesson, input, now))
      .where(and(eq(lessonProgress.userId, viewer.id), eq(lessonProgress.lessonId, lesson.id)))
      .returning()
    return toProgress(saved!, lesson.durationSeconds)
  })
  deps.viewerCourses.invalidate(viewer.id)
  return result
}

/** Text lessons have nothing to watch: the member marks them done. */
export async function markLessonComplete(deps: AppDeps, viewer: UserRow, lessonId: string) {
  const now = deps.clock.now()
  const result = await deps.db.transaction(async (tx) => {
    const lesson = await lessonForViewer(tx, viewer, lessonId)
    if (lesson.videoKey) throw new AppError('BAD_REQUEST', 'course.completeByWatching')
    const [saved] = await tx
      .insert(lessonProgress)
      .values({ userId: viewer.id, lessonId: lesson.id, courseId: lesson.courseId, completedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.lessonId],
        set: { completedAt: sql`coalesce(${lessonProgress.completedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now },
      })
      .returning()
    return toProgress(saved!, lesson.durationSeconds)
  })
  // After the commit: a read in between must not cache the old state again.
  deps.viewerCourses.invalidate(viewer.id)
  return result
}

function toProgress(row: Pick<typeof lessonProgress.$inferSelect, 'positionSeconds' | 'watchedSeconds' | 'watchedRanges' | 'completedAt'>, durationSeconds: number) {
  return {
    positionSeconds: row.positionSeconds,
    watchedPercent: durationSeconds > 0 ? Math.min(100, Math.floor((row.watchedSeconds / durationSeconds) * 100)) : 0,
    /** What counts as watched: the player adds what is playing now for a live "% bekeken". */
    watchedRanges: row.watchedRanges,
    completed: row.completedAt !== null,
  }
}

import { and, entitlements, eq, lessonProgress, lessons, sql, type AnyPgColumn, type DbOrTx } from '@jouwbot/db'

/**
 * The statements behind `lesson.get` and `lesson.saveProgress`, prepared once per database handle
 * (as the session lookup in @jouwbot/auth): building drizzle's SQL anew was a large share of these
 * requests' CPU (bench:cpu). Each read answers in one round trip what took three: the lesson, the
 * viewer's progress row with its row version (`xmin`, for the compare-and-set in `saveProgress`), and
 * whether the viewer holds an active entitlement to the lesson's course. Placeholders: `lessonId`,
 * and `userId` (null for an anonymous viewer: no progress, no entitlement).
 */
const entitled = sql<boolean>`exists (select 1 from ${entitlements} where ${entitlements.userId} = ${sql.placeholder('userId')} and ${entitlements.courseId} = ${lessons.courseId} and ${entitlements.revokedAt} is null)`
const progressJoin = and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, sql.placeholder('userId')))
const progressVersion = sql<string | null>`${lessonProgress}.xmin::text`
/**
 * What a write returns: the row's new version, and the two `real` columns as stored (float4, so not
 * always the number sent). Every other column is exactly what was sent (jsonb keeps a number's
 * digits, the timestamps go in whole milliseconds): the caller has those already.
 */
const savedProgress = {
  positionSeconds: lessonProgress.positionSeconds,
  watchedSeconds: lessonProgress.watchedSeconds,
  version: sql<string>`${lessonProgress}.xmin::text`,
}
/** The compare-and-set: the viewer's row of the lesson, only while it is the version that was read. */
const sameVersion = and(
  eq(lessonProgress.userId, sql.placeholder('userId')),
  eq(lessonProgress.lessonId, sql.placeholder('lessonId')),
  sql`${lessonProgress}.xmin = ${sql.placeholder('version')}::text::xid`,
)
/** A placeholder encoded as `column` encodes its values (JSON): what `update().set()` accepts. */
const bound = (name: string, column: AnyPgColumn) => sql`${sql.param(sql.placeholder(name), column)}`

function build(db: DbOrTx) {
  // Timestamps go as ISO text or null (drizzle's encoder for a placeholder does not take null).
  const progressValues = {
    watchedRanges: bound('watchedRanges', lessonProgress.watchedRanges),
    watchedSeconds: sql`${sql.placeholder('watchedSeconds')}`,
    positionSeconds: sql`${sql.placeholder('positionSeconds')}`,
    lastClientTime: sql`${sql.placeholder('lastClientTime')}::timestamptz`,
    completedAt: sql`${sql.placeholder('completedAt')}::timestamptz`,
    updatedAt: sql`${sql.placeholder('updatedAt')}::timestamptz`,
  }
  return {
    /**
     * What the player shows of the lesson, with the viewer's progress and entitlement (only the
     * columns `getLesson` answers with: each column is parsed and mapped on every call).
     */
    lessonForViewer: db
      .select({
        lesson: {
          id: lessons.id,
          slug: lessons.slug,
          title: lessons.title,
          summary: lessons.summary,
          bodyMarkdown: lessons.bodyMarkdown,
          videoKey: lessons.videoKey,
          hlsKey: lessons.hlsKey,
          durationSeconds: lessons.durationSeconds,
          captionsKey: lessons.captionsKey,
          chapters: lessons.chapters,
          attachments: lessons.attachments,
          freePreview: lessons.freePreview,
        },
        progress: { positionSeconds: lessonProgress.positionSeconds, watchedRanges: lessonProgress.watchedRanges, completedAt: lessonProgress.completedAt },
        entitled,
      })
      .from(lessons)
      .leftJoin(lessonProgress, progressJoin)
      .where(eq(lessons.id, sql.placeholder('lessonId')))
      .limit(1)
      .prepare('lesson_for_viewer'),
    /** What a progress save needs of the lesson, with progress and entitlement. */
    progressForViewer: db
      .select({
        lesson: {
          id: lessons.id,
          courseId: lessons.courseId,
          durationSeconds: lessons.durationSeconds,
          freePreview: lessons.freePreview,
          published: lessons.published,
        },
        progress: lessonProgress,
        version: progressVersion,
        entitled,
      })
      .from(lessons)
      .leftJoin(lessonProgress, progressJoin)
      .where(eq(lessons.id, sql.placeholder('lessonId')))
      .limit(1)
      .prepare('progress_for_viewer'),
    /** The first save of a lesson; no row when another save made it meanwhile (then read again). */
    insertProgress: db
      .insert(lessonProgress)
      .values({ userId: sql.placeholder('userId'), lessonId: sql.placeholder('lessonId'), courseId: sql.placeholder('courseId'), ...progressValues })
      .onConflictDoNothing()
      .returning(savedProgress)
      .prepare('progress_insert'),
    /** A later save, only if the row is still the version that was read; no row otherwise (read again). */
    updateProgress: db
      .update(lessonProgress)
      .set(progressValues)
      .where(sameVersion)
      .returning(savedProgress)
      .prepare('progress_update'),
    /**
     * Saves computed from the rows this process wrote last (no read), several in one statement
     * (./known-progress-writes.ts). Placeholder `rows`: a JSON array of `KnownProgressWrite`. Per
     * row the same compare-and-set as `updateProgress` (the keys are its placeholders' names), and
     * in the same statement the lesson must still be published with the duration and course the
     * save was computed for, and the viewer still entitled (unless free preview, or staff). A row
     * not returned: anything changed, and that save takes the reading path.
     */
    updateKnownProgress: db
      .update(lessonProgress)
      .set({
        watchedRanges: sql`v."watchedRanges"`,
        watchedSeconds: sql`v."watchedSeconds"`,
        positionSeconds: sql`v."positionSeconds"`,
        lastClientTime: sql`v."lastClientTime"`,
        completedAt: sql`v."completedAt"`,
        updatedAt: sql`v."updatedAt"`,
      })
      .from(
        sql`jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as v("userId" uuid, "lessonId" uuid, version text, "watchedRanges" jsonb,
          "watchedSeconds" real, "positionSeconds" real, "lastClientTime" timestamptz, "completedAt" timestamptz, "updatedAt" timestamptz,
          "courseId" uuid, "durationSeconds" integer, "seesEveryCourse" boolean)`,
      )
      .where(
        and(
          sql`${lessonProgress.userId} = v."userId" and ${lessonProgress.lessonId} = v."lessonId" and ${lessonProgress}.xmin = v.version::xid`,
          sql`exists (select 1 from ${lessons} where ${lessons.id} = ${lessonProgress.lessonId} and ${lessons.published}
            and ${lessons.courseId} = v."courseId" and ${lessons.durationSeconds} = v."durationSeconds"
            and (${lessons.freePreview} or v."seesEveryCourse" or exists (select 1 from ${entitlements}
              where ${entitlements.userId} = v."userId" and ${entitlements.courseId} = ${lessons.courseId} and ${entitlements.revokedAt} is null)))`,
        ),
      )
      .returning({ userId: lessonProgress.userId, lessonId: lessonProgress.lessonId, ...savedProgress })
      .prepare('progress_update_known'),
  }
}

const prepared = new WeakMap<object, ReturnType<typeof build>>()

/** The prepared lesson statements of this database handle. */
export function lessonQueries(db: DbOrTx): ReturnType<typeof build> {
  let queries = prepared.get(db)
  if (!queries) {
    queries = build(db)
    prepared.set(db, queries)
  }
  return queries
}

import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth.ts'

/** The member a row belongs to; it goes when the account is erased. */
const ownerId = () =>
  uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' })
/** The course a row belongs to; it goes with the course. */
const courseRef = () =>
  uuid()
    .notNull()
    .references(() => courses.id, { onDelete: 'cascade' })

export const courses = pgTable(
  'courses',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    descriptionMarkdown: text().notNull().default(''),
    published: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('courses_slug_unique').on(t.slug)],
)

export const courseModules = pgTable(
  'course_modules',
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: courseRef(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    position: integer().notNull(),
  },
  (t) => [uniqueIndex('course_modules_slug_unique').on(t.courseId, t.slug), index('course_modules_course_idx').on(t.courseId, t.position)],
)

export interface LessonChapter {
  startSeconds: number
  title: string
}
export interface LessonAttachment {
  /** Storage key of the file. */
  key: string
  title: string
  fileName: string
}

export const lessons = pgTable(
  'lessons',
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: courseRef(),
    moduleId: uuid()
      .notNull()
      .references(() => courseModules.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    bodyMarkdown: text().notNull().default(''),
    /** Storage key of the MP4; null for a text lesson. */
    videoKey: text(),
    /** Master playlist of the HLS renditions made from `videoKey` by the media.hls job (when ffmpeg exists). */
    hlsKey: text(),
    durationSeconds: integer().notNull().default(0),
    /** Storage key of the Dutch WebVTT captions (also the searchable transcript). */
    captionsKey: text(),
    chapters: jsonb().$type<LessonChapter[]>().notNull().default([]),
    attachments: jsonb().$type<LessonAttachment[]>().notNull().default([]),
    freePreview: boolean().notNull().default(false),
    published: boolean().notNull().default(false),
    position: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lessons_slug_unique').on(t.courseId, t.slug), index('lessons_module_idx').on(t.moduleId, t.position)],
)

export const entitlementSource = pgEnum('entitlement_source', ['admin_grant', 'order'])

/**
 * Who may use which course. A grant comes from an order (checkout) or an admin; revoking keeps
 * the row (revoked_at) for the audit trail. At most one active grant per user, course and cause.
 */
export const entitlements = pgTable(
  'entitlements',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    courseId: courseRef(),
    source: entitlementSource().notNull(),
    /** The order id for `order`; `manual` for admin grants. */
    sourceRef: text().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull(),
    grantedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('entitlements_active_unique')
      .on(t.userId, t.courseId, t.source, t.sourceRef)
      .where(sql`${t.revokedAt} is null`),
    index('entitlements_user_idx').on(t.userId, t.courseId),
    // admin.courseAccess.members: a course's active members newest first, a keyset page at a time (scanned
    // backwards; drizzle's .desc() would write DESC NULLS LAST, which an ORDER BY … DESC cannot use).
    index('entitlements_course_members_idx')
      .on(t.courseId, t.grantedAt, t.id)
      .where(sql`${t.revokedAt} is null`),
  ],
)

/** One row per member and lesson: where to resume, and which parts were really watched. */
export const lessonProgress = pgTable(
  'lesson_progress',
  {
    userId: ownerId(),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    courseId: courseRef(),
    positionSeconds: real().notNull().default(0),
    /** Union of the played intervals [start, end] in seconds; only ever grows. */
    watchedRanges: jsonb().$type<[number, number][]>().notNull().default([]),
    watchedSeconds: real().notNull().default(0),
    /** The client's clock of the newest save applied; an older (late) save never moves the position back. */
    lastClientTime: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] }), index('lesson_progress_course_idx').on(t.userId, t.courseId)],
)

/** A finished course. The code is the public proof: /certificaat/<code> shows name, course and date. */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    courseId: courseRef(),
    code: text().notNull(),
    /** The name as it was when the certificate was issued. */
    recipientName: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('certificates_code_unique').on(t.code), uniqueIndex('certificates_user_course_unique').on(t.userId, t.courseId)],
)

import { z } from 'zod'
import { lineString, multilineString } from './strings.ts'

const slug = lineString().trim().min(1).max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'validation.invalid' })

export const courseSlugInput = z.object({ courseSlug: slug }).strict()
export const lessonRefInput = z.object({ courseSlug: slug, lessonSlug: slug }).strict()
/** For ids in URL paths and metadata (plain HTTP routes, Mollie's metadata), checked like the tRPC inputs. */
export const isUuid = (value: unknown): value is string => z.uuid().safeParse(value).success

export const lessonIdInput = z.object({ lessonId: z.uuid() }).strict()

const seconds = z.number().finite().min(0).max(24 * 60 * 60)
export const saveProgressInput = z
  .object({
    lessonId: z.uuid(),
    positionSeconds: seconds,
    /** `video.played` as [start, end] pairs; a page view rarely has more than a few. */
    playedRanges: z.array(z.tuple([seconds, seconds])).max(500),
    clientTime: z.coerce.date(),
  })
  .strict()

export const certificateCodeInput = z.object({ code: lineString().trim().regex(/^[a-z2-7]{16}$/, { error: 'validation.invalid' }) }).strict()

export const grantAccessInput = z
  .object({ email: lineString().trim().toLowerCase().max(254).pipe(z.email({ error: 'validation.email' })), courseSlug: slug })
  .strict()
/** Members per page of `admin.courseAccess.members` (default and most). */
export const COURSE_MEMBERS_PAGE_SIZE = 25
export const COURSE_MEMBERS_PAGE_MAX = 100
/**
 * One page of a course's members, newest access first. `cursor` is the previous page's `nextCursor` (the
 * last entitlement's id: keyset pagination on grant time and id, stable while rows are added); `search` matches
 * e-mail address or name.
 */
export const courseMembersInput = z
  .object({
    courseSlug: slug,
    search: lineString().trim().max(100).optional(),
    cursor: z.uuid().optional(),
    /** Sent by tRPC's infinite queries; the list only pages forward. */
    direction: z.enum(['forward', 'backward']).optional(),
    limit: z.number().int().min(1).max(COURSE_MEMBERS_PAGE_MAX).default(COURSE_MEMBERS_PAGE_SIZE),
  })
  .strict()

// ---- Admin: course content (courses, modules, lessons) ----

export const ADMIN_TITLE_MAX = 200
export const ADMIN_SUMMARY_MAX = 1000
export const ADMIN_MARKDOWN_MAX = 50_000
export const ADMIN_CHAPTERS_MAX = 50
/** Longest lesson the admin may enter (the player's progress schema allows the same). */
export const ADMIN_DURATION_MAX_SECONDS = 24 * 60 * 60

const adminTitle = lineString().trim().min(1).max(ADMIN_TITLE_MAX)
const adminSummary = multilineString().trim().max(ADMIN_SUMMARY_MAX)
const adminMarkdown = multilineString().max(ADMIN_MARKDOWN_MAX)
const durationSeconds = z.number().int().min(0).max(ADMIN_DURATION_MAX_SECONDS)
const uuidList = z.array(z.uuid()).max(500)

/**
 * Chapters start in order (strictly increasing). Whether they fall inside the lesson's duration is
 * checked by the service against the duration the lesson ends up with (`admin.chapterAfterEnd`).
 */
export const lessonChaptersInput = z
  .array(z.object({ startSeconds: z.number().finite().min(0).max(ADMIN_DURATION_MAX_SECONDS), title: adminTitle }).strict())
  .max(ADMIN_CHAPTERS_MAX)
  .refine((chapters) => chapters.every((chapter, i) => i === 0 || chapter.startSeconds > chapters[i - 1]!.startSeconds), {
    error: 'validation.chaptersUnsorted',
  })

const courseFields = { slug, title: adminTitle, summary: adminSummary, descriptionMarkdown: adminMarkdown }
export const adminCreateCourseInput = z.object(courseFields).strict()
/** `courseSlug` names the course; every other field is optional (only what is sent changes). */
export const adminUpdateCourseInput = z.object({ courseSlug: slug, ...courseFields }).partial().required({ courseSlug: true }).strict()
export const adminSetCoursePublishedInput = z.object({ courseSlug: slug, published: z.boolean() }).strict()

const moduleFields = { slug, title: adminTitle, summary: adminSummary }
export const adminCreateModuleInput = z.object({ courseSlug: slug, ...moduleFields }).strict()
export const adminUpdateModuleInput = z.object({ moduleId: z.uuid(), ...moduleFields }).partial().required({ moduleId: true }).strict()
export const adminModuleIdInput = z.object({ moduleId: z.uuid() }).strict()
export const adminReorderModulesInput = z.object({ courseSlug: slug, moduleIds: uuidList }).strict()

const lessonFields = {
  slug,
  title: adminTitle,
  summary: adminSummary,
  bodyMarkdown: adminMarkdown,
  freePreview: z.boolean(),
  chapters: lessonChaptersInput,
  durationSeconds,
}
export const adminCreateLessonInput = z
  .object({ moduleId: z.uuid(), ...lessonFields })
  .partial({ summary: true, bodyMarkdown: true, freePreview: true, chapters: true, durationSeconds: true })
  .strict()
export const adminUpdateLessonInput = z.object({ lessonId: z.uuid(), ...lessonFields }).partial().required({ lessonId: true }).strict()
export const adminSetLessonPublishedInput = z.object({ lessonId: z.uuid(), published: z.boolean() }).strict()
export const adminLessonIdInput = lessonIdInput
export const adminReorderLessonsInput = z.object({ moduleId: z.uuid(), lessonIds: uuidList }).strict()
export const adminMoveLessonInput = z.object({ lessonId: z.uuid(), toModuleId: z.uuid(), position: z.number().int().min(0).max(10_000) }).strict()

export type AdminCreateCourseInput = z.infer<typeof adminCreateCourseInput>
export type AdminUpdateCourseInput = z.infer<typeof adminUpdateCourseInput>
export type AdminCreateModuleInput = z.infer<typeof adminCreateModuleInput>
export type AdminUpdateModuleInput = z.infer<typeof adminUpdateModuleInput>
export type AdminCreateLessonInput = z.infer<typeof adminCreateLessonInput>
export type AdminUpdateLessonInput = z.infer<typeof adminUpdateLessonInput>
export type AdminMoveLessonInput = z.infer<typeof adminMoveLessonInput>

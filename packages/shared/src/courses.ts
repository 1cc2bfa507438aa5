import { z } from 'zod'

const slug = z.string().trim().min(1).max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'validation.invalid' })

export const courseSlugInput = z.object({ courseSlug: slug }).strict()
export const lessonRefInput = z.object({ courseSlug: slug, lessonSlug: slug }).strict()
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

export const certificateCodeInput = z.object({ code: z.string().trim().regex(/^[a-z2-7]{16}$/, { error: 'validation.invalid' }) }).strict()

export const grantAccessInput = z
  .object({ email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'validation.email' })), courseSlug: slug })
  .strict()
export const courseMembersInput = courseSlugInput

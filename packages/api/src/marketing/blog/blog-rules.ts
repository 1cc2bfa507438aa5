import { and, blogPosts, inArray, lte, sql, type SQL } from '@jouwbot/db'

/** The blog's rules in one place: spam thresholds, edit window, trust. */
export const blogRules = {
  /** A member may change a comment this long after posting it (deleting: always). */
  editWindowMs: 15 * 60_000,
  /** A form filled in faster than this was not typed by a person. */
  minimumFillMs: 3_000,
  /** A form token older than this is refused (reload the page). */
  formTokenMaxAgeMs: 24 * 60 * 60_000,
  maxLinks: 3,
  /** The same text from one member inside this window is a duplicate. */
  duplicateWindowMs: 24 * 60 * 60_000,
  /** A member's comments wait for moderation until this many were approved. */
  trustedAfterApproved: 2,
  rateLimits: {
    perMinute: { name: 'blog-comment:minute', limit: 3, windowSeconds: 60 },
    perDay: { name: 'blog-comment:day', limit: 30, windowSeconds: 24 * 60 * 60 },
    reportsPerDay: { name: 'blog-report:day', limit: 20, windowSeconds: 24 * 60 * 60 },
  },
} as const

/** A post the public sees: scheduled or published, and its moment has come. */
export function visiblePost(now: Date): SQL {
  return and(inArray(blogPosts.status, ['scheduled', 'published']), lte(blogPosts.publishAt, now))!
}

/** `Mijn eerste bot!` → `mijn-eerste-bot` (used by the seed and as the editor's suggestion). */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
}

export const postColumns = {
  id: blogPosts.id,
  slug: blogPosts.slug,
  title: blogPosts.title,
  summary: blogPosts.summary,
  coverImageKey: blogPosts.coverImageKey,
  tags: blogPosts.tags,
  language: blogPosts.language,
  publishAt: blogPosts.publishAt,
  updatedAt: blogPosts.updatedAt,
  authorName: sql<string | null>`(select first_name from users where users.id = ${blogPosts.authorId})`,
}

import type { AppDeps } from '@jouwbot/api'
import { seedShop } from '@jouwbot/api/checkout'
import { findDemoVideoTools, seedCourse } from '@jouwbot/api/courses'
import { seedBlog } from '@jouwbot/api/marketing/blog'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import type { Storage } from '@jouwbot/storage'
import type { Env } from './env.ts'

/**
 * Demo content (the Premium Cursus with its media, the shop's products and coupon, blog posts, and
 * the lesson videos rendered from the lessons' texts): for a local try-out, never in production.
 */
/** The two log levels these steps use (pino's logger has them). */
export interface DemoLogger {
  info(fields: object, message: string): void
  warn(fields: object, message: string): void
}

export function demoContentEnabled(env: Pick<Env, 'NODE_ENV'>): boolean {
  return env.NODE_ENV !== 'production'
}

/** Whether the `courses.demo-videos` job may render at all: outside production, with DEMO_VIDEOS=render. */
export function demoVideosEnabled(env: Pick<Env, 'NODE_ENV' | 'DEMO_VIDEOS'>): boolean {
  return demoContentEnabled(env) && env.DEMO_VIDEOS === 'render'
}

/** Seeds the demo content once (each seed is marked in seed_runs); nothing at all in production. */
export async function seedDemoContent(
  deps: Pick<AppDeps, 'db' | 'clock' | 'courses'>,
  env: Pick<Env, 'NODE_ENV'>,
  options: { storage: Storage; logger: Pick<DemoLogger, 'info'> },
): Promise<{ course: boolean; blog: boolean } | null> {
  if (!demoContentEnabled(env)) return null
  const course = await seedCourse(deps, premiumCursus, { mediaDir, storage: options.storage })
  if (course) options.logger.info({ course: premiumCursus.slug }, 'demo course seeded')
  await seedShop(deps, premiumCursus.slug)
  const blog = await seedBlog(deps)
  if (blog) options.logger.info({}, 'demo blog posts seeded')
  return { course, blog }
}

/**
 * Whether the demo lesson videos should be rendered now (the `courses.demo-videos` job): only outside
 * production, with DEMO_VIDEOS=render and both tools on PATH. Says in the log what happens and, when a
 * tool is missing, how to get the real demo; the 4 shared sample videos stay meanwhile.
 */
export function demoVideosWanted(env: Pick<Env, 'NODE_ENV' | 'DEMO_VIDEOS'>, logger: DemoLogger, searchPath = process.env.PATH ?? ''): boolean {
  if (!demoVideosEnabled(env)) return false
  const tools = findDemoVideoTools(searchPath)
  if ('missing' in tools) {
    logger.warn(
      { missing: tools.missing },
      `demo course: ${tools.missing.join(' and ')} not found, so its lessons share 4 sample videos. ` +
        'For a video per lesson made from its own text (slides + Dutch narration): apt-get install ffmpeg espeak-ng, then start again.',
    )
    return false
  }
  logger.info(tools, 'demo course: rendering a video per lesson from its text in the background (job courses.demo-videos)')
  return true
}

import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pino from 'pino'
import { describe, expect, test } from 'vitest'
import { demoVideoKeys, findDemoVideoTools, lessonTextHash, renderDemoLessonVideos, type DemoVideoTools } from '@jouwbot/api/courses'
import { blogPosts, courses, eq, lessons, products, seedRuns } from '@jouwbot/db'
import { mediaDir, type SeedCourse } from '@jouwbot/course-content'
import { seedCourse } from '@jouwbot/api/courses'
import { readText } from '@jouwbot/storage'
import { demoVideosEnabled, demoVideosWanted, seedDemoContent } from '@jouwbot/server/demo-content'
import { demoVideosJob } from '@jouwbot/server/jobs'
import { makeDeps, testStorage } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { runningJob } from '../helpers/jobs.ts'

const db = useTestDatabase()
const run = promisify(execFile)

/**
 * Required, not optional, like the HLS tests: CI installs both (.ci/run); locally
 * `apt-get install ffmpeg espeak-ng`. Without them this fails instead of skipping.
 */
function requiredTools(): DemoVideoTools & { ffprobePath: string } {
  const tools = findDemoVideoTools()
  if ('missing' in tools) throw new Error(`${tools.missing.join(' and ')} needed for the demo video tests: apt-get install ffmpeg espeak-ng`)
  return { ...tools, ffprobePath: tools.ffmpegPath.replace(/ffmpeg$/, 'ffprobe') }
}

/** A tiny course under the demo's slug (the job renders `premium-cursus`): one short lesson, one with an admin's upload. */
const tinyCourse: SeedCourse = {
  slug: 'premium-cursus',
  title: 'Premium Cursus',
  summary: 'Testcursus.',
  descriptionMarkdown: 'Test.',
  modules: [
    {
      slug: 'start',
      title: 'Start',
      summary: 'Eerste module.',
      lessons: [
        {
          slug: 'korte-les',
          title: 'Een korte les',
          summary: 'Zo werkt een bot.',
          bodyMarkdown: '## Twee punten\n\n- Een bot antwoordt snel.\n- Klanten zijn blij.\n',
          video: 'intro.mp4',
          durationSeconds: 40,
          chapters: [{ startSeconds: 0, title: 'Welkom' }],
          freePreview: true,
        },
        {
          slug: 'eigen-video',
          title: 'Met een eigen video',
          summary: 'Door de beheerder geüpload.',
          bodyMarkdown: 'Tekst.',
          video: 'bouwen.mp4',
          durationSeconds: 48,
          freePreview: false,
        },
      ],
    },
  ],
}

interface Cue { start: number; end: number; text: string }

function parseVtt(text: string): Cue[] {
  expect(text.startsWith('WEBVTT\n')).toBe(true)
  const seconds = (t: string) => {
    const [h, m, s] = t.split(':')
    return Number(h) * 3600 + Number(m) * 60 + Number(s)
  }
  return text
    .trim()
    .split(/\n\n+/)
    .slice(1)
    .map((block) => {
      const lines = block.split('\n')
      const timing = lines.findIndex((line) => line.includes('-->'))
      const match = /^(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})$/.exec(lines[timing] ?? '')
      if (!match) throw new Error(`bad cue: ${block}`)
      return { start: seconds(match[1]!), end: seconds(match[2]!), text: lines.slice(timing + 1).join(' ') }
    })
}

async function seedTiny() {
  const deps = makeDeps(db())
  await seedCourse(deps, tinyCourse, { mediaDir, storage: testStorage })
  const [upload] = await deps.db
    .update(lessons)
    .set({ videoKey: 'courses/premium-cursus/uploads/own-video.mp4' })
    .where(eq(lessons.slug, 'eigen-video'))
    .returning()
  expect(upload).toBeDefined()
  return deps
}

const lessonRow = async (deps: ReturnType<typeof makeDeps>, slug: string) => (await deps.db.select().from(lessons).where(eq(lessons.slug, slug)))[0]!

describe('demo lesson videos made from the lesson text', () => {
  test('the job renders one short lesson: H.264 + AAC, the stored duration is the real one, captions cover it', { timeout: 180_000 }, async () => {
    const tools = requiredTools()
    const deps = await seedTiny()
    const logger = pino({ level: 'silent' })
    const wakes: number[] = []
    const job = demoVideosJob({ deps, logger }, { enabled: true, wake: () => wakes.push(1), tools })
    await job.handler(undefined as never, runningJob)

    const lesson = await lessonRow(deps, 'korte-les')
    const hash = lessonTextHash({ title: lesson.title, summary: lesson.summary, bodyMarkdown: lesson.bodyMarkdown, moduleTitle: 'Start' })
    const keys = demoVideoKeys('premium-cursus', 'korte-les', hash)
    expect(lesson.videoKey).toBe(keys.video)
    expect(lesson.captionsKey).toBe(keys.captions)
    expect(lesson.hlsKey).toBeNull()
    expect(wakes).toEqual([]) // everything fit in one run

    const file = testStorage.localPath!(keys.video)
    const { stdout } = await run(tools.ffprobePath, ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height:format=duration', '-of', 'json', file])
    const probe = JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string; width?: number; height?: number }[]; format: { duration: string } }
    expect(probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264'])
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1280, height: 720 })
    const duration = Number(probe.format.duration)
    // Title slide, one slide of two points, the closing slide: narrated, so seconds, not a blink.
    expect(duration).toBeGreaterThan(8)
    expect(lesson.durationSeconds).toBe(Math.round(duration))

    const cues = parseVtt((await readText(testStorage, keys.captions))!)
    expect(cues.map((c) => c.text)).toEqual(expect.arrayContaining(['Een korte les.', 'Zo werkt een bot.', 'Twee punten.', 'Een bot antwoordt snel.', 'Klanten zijn blij.']))
    expect(cues[0]!.start).toBeLessThan(1.5)
    for (const [i, cue] of cues.entries()) {
      expect(cue.end).toBeGreaterThan(cue.start)
      if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[i - 1]!.end)
    }
    expect(cues.at(-1)!.end).toBeLessThanOrEqual(duration + 0.1)
    expect(cues.at(-1)!.end).toBeGreaterThan(duration - 2.5)
    // The chapters are the slides now, not the sample video's.
    expect(lesson.chapters.map((c) => c.title)).toEqual(['Introductie', 'Twee punten', 'Aan de slag'])

    // The admin's upload is never replaced.
    expect((await lessonRow(deps, 'eigen-video')).videoKey).toBe('courses/premium-cursus/uploads/own-video.mp4')

    // Idempotent: a second run finds the lesson up to date and renders nothing.
    expect(await renderDemoLessonVideos(deps, { courseSlug: 'premium-cursus', tools })).toEqual({
      status: 'done', rendered: 0, attached: 0, upToDate: 1, notDemo: 1, remaining: 0,
    })

    // Resumable: files there but the lesson not yet pointing at them (a crash in between) → attached, not rendered.
    await deps.db.update(lessons).set({ videoKey: 'courses/premium-cursus/videos/intro.mp4', durationSeconds: 40 }).where(eq(lessons.id, lesson.id))
    expect(await renderDemoLessonVideos(deps, { courseSlug: 'premium-cursus', tools })).toMatchObject({ status: 'done', rendered: 0, attached: 1 })
    expect(await lessonRow(deps, 'korte-les')).toMatchObject({ videoKey: keys.video, durationSeconds: Math.round(duration) })

    // A budget of 0 renders: the changed lesson waits for the next run ("more").
    await deps.db.update(lessons).set({ bodyMarkdown: '## Ander punt\n\n- Alles is nieuw.\n' }).where(eq(lessons.id, lesson.id))
    expect(await renderDemoLessonVideos(deps, { courseSlug: 'premium-cursus', tools, maxRenders: 0 })).toMatchObject({ status: 'more', remaining: 1 })
    // The job then wakes its next run itself.
    const budgetless = demoVideosJob({ deps, logger }, { enabled: true, wake: () => wakes.push(1), tools, budgetMs: -1 })
    await budgetless.handler(undefined as never, runningJob)
    expect(wakes).toEqual([1])

    // An edited text has a new hash: rendered again, with the new text in its captions.
    expect(await renderDemoLessonVideos(deps, { courseSlug: 'premium-cursus', tools })).toMatchObject({ status: 'done', rendered: 1 })
    const edited = await lessonRow(deps, 'korte-les')
    expect(edited.videoKey).not.toBe(keys.video)
    expect(edited.videoKey).toMatch(/^courses\/premium-cursus\/videos\/demo-korte-les-[0-9a-f]{16}\.mp4$/)
    expect(await readText(testStorage, edited.captionsKey!)).toContain('Alles is nieuw.')
  })

  test('a render stopped with the server (its signal aborted) kills the running tool and leaves the lesson as it was', async () => {
    const deps = await seedTiny()
    // A text of its own: the files of another test's render (same text) would be attached, not rendered.
    await deps.db.update(lessons).set({ title: `Een les die stopt ${Date.now()}` }).where(eq(lessons.slug, 'korte-les'))
    const before = await lessonRow(deps, 'korte-les')
    // A narrator that marks that it runs, then takes as long as a very long render would.
    const folder = mkdtempSync(join(tmpdir(), 'jb-demo-stop-'))
    try {
      const started = join(folder, 'started')
      const slowNarrator = join(folder, 'espeak-ng')
      writeFileSync(slowNarrator, `#!/bin/sh\ntouch '${started}'\nexec sleep 120\n`)
      chmodSync(slowNarrator, 0o755)
      const controller = new AbortController()
      const job = demoVideosJob({ deps, logger: pino({ level: 'silent' }) }, { enabled: true, wake: () => {}, tools: { ffmpegPath: requiredTools().ffmpegPath, espeakPath: slowNarrator } })
      let settled = false
      const outcome = job.handler(undefined as never, controller.signal).then(
        () => 'finished without narrating',
        (error: unknown) => error,
      ).finally(() => (settled = true))
      while (!existsSync(started) && !settled) await new Promise((resolve) => setTimeout(resolve, 20))
      controller.abort(new Error('the job runner is stopping'))
      expect(await outcome).toMatchObject({ name: 'AbortError' })
      const narratorRuns = async () => (await run('ps', ['-eo', 'args'])).stdout.includes('sleep 120')
      for (let i = 0; i < 100 && (await narratorRuns()); i++) await new Promise((resolve) => setTimeout(resolve, 100))
      expect(await narratorRuns()).toBe(false)
      expect(await lessonRow(deps, 'korte-les')).toEqual(before)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  test('without ffmpeg and espeak-ng the lessons keep the shared sample videos, and the log says how to get the real demo', async () => {
    const deps = await seedTiny()
    expect(findDemoVideoTools('/nonexistent:/also-not')).toEqual({ missing: ['ffmpeg', 'espeak-ng'] })
    expect(await renderDemoLessonVideos(deps, { courseSlug: 'premium-cursus', tools: null })).toEqual({ status: 'noTools', missing: ['ffmpeg', 'espeak-ng'] })
    expect(await renderDemoLessonVideos(deps, { courseSlug: 'premium-cursus', tools: findDemoVideoTools('/nonexistent') })).toMatchObject({ status: 'noTools' })
    expect(await lessonRow(deps, 'korte-les')).toMatchObject({ videoKey: 'courses/premium-cursus/videos/intro.mp4', durationSeconds: 40 })

    const warnings: string[] = []
    const logger = { info: () => {}, warn: (_fields: object, message: string) => void warnings.push(message) }
    expect(demoVideosWanted({ NODE_ENV: 'development', DEMO_VIDEOS: 'render' }, logger, '/nonexistent')).toBe(false)
    expect(warnings).toEqual([expect.stringContaining('apt-get install ffmpeg espeak-ng')])
    expect(warnings[0]).toContain('ffmpeg and espeak-ng not found')
    // Opted out: no render, no warning.
    expect(demoVideosWanted({ NODE_ENV: 'development', DEMO_VIDEOS: 'off' }, logger, process.env.PATH)).toBe(false)
    expect(warnings).toHaveLength(1)
  })

  test('in production no demo content is seeded and the demo video job does nothing', async () => {
    const deps = makeDeps(db())
    const logger = { info: () => {}, warn: () => {} }
    expect(await seedDemoContent(deps, { NODE_ENV: 'production' }, { storage: testStorage, logger })).toBeNull()
    expect(await deps.db.select().from(courses)).toEqual([])
    expect(await deps.db.select().from(products)).toEqual([])
    expect(await deps.db.select().from(blogPosts)).toEqual([])
    expect(await deps.db.select().from(seedRuns)).toEqual([])
    // Even with the tools on PATH, production never renders demo videos.
    expect(demoVideosWanted({ NODE_ENV: 'production', DEMO_VIDEOS: 'render' }, { info: () => { throw new Error('no log') }, warn: () => { throw new Error('no log') } }, process.env.PATH)).toBe(false)

    // The job as boot.ts builds it in production leaves a course untouched, tools or not.
    const enabled = demoVideosEnabled({ NODE_ENV: 'production', DEMO_VIDEOS: 'render' })
    expect(enabled).toBe(false)
    const seeded = await seedTiny()
    const job = demoVideosJob({ deps: seeded, logger: pino({ level: 'silent' }) }, { enabled, wake: () => { throw new Error('no wake') } })
    await job.handler(undefined as never, runningJob)
    expect(await lessonRow(seeded, 'korte-les')).toMatchObject({ videoKey: 'courses/premium-cursus/videos/intro.mp4', durationSeconds: 40 })
  })

  test('outside production the demo content is seeded once', async () => {
    const deps = makeDeps(db())
    const logger = { info: () => {}, warn: () => {} }
    expect(await seedDemoContent(deps, { NODE_ENV: 'development' }, { storage: testStorage, logger })).toEqual({ course: true, blog: true })
    expect(await seedDemoContent(deps, { NODE_ENV: 'development' }, { storage: testStorage, logger })).toEqual({ course: false, blog: false })
    expect(await deps.db.select().from(lessons)).toHaveLength(36)
  })
})

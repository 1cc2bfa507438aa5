/**
 * The orphaned-media sweep (packages/api/src/maintenance/sweep-orphaned-media.ts) and its daily job
 * (apps/server/src/jobs.ts), against real local storage in a folder of its own and the real
 * database: what it deletes, what it must never delete, and running it twice at once.
 */
import { mkdtemp, readdir, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable, Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { seedCourse } from '@jouwbot/api/courses'
import { hlsFolderOf, MEDIA_SWEEP_GRACE_MS, sweepOrphanedMedia } from '@jouwbot/api/courses'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import { asc, eq, lessons, rowsOf, sql } from '@jouwbot/db'
import { startJobRunner } from '@jouwbot/jobs'
import { createDevMailboxTransport } from '@jouwbot/mail'
import { hlsPrefixFor } from '@jouwbot/api/courses'
import { jobDefinitions, QUEUES } from '@jouwbot/server/jobs'

const MEDIA_SWEEP_QUEUE = QUEUES.sweepOrphanedMedia
import { createLocalStorage, type Storage } from '@jouwbot/storage'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import type { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { useTestDatabase } from '../helpers/test-db.ts'
import { runningJob } from '../helpers/jobs.ts'

const db = useTestDatabase()
const HOUR = 60 * 60_000
const COURSE = premiumCursus.slug
const UPLOADS = `courses/${COURSE}/uploads`

const roots: string[] = []
let root: string
let storage: Storage
let deps: ReturnType<typeof makeDeps>
let admin: TestClient

afterAll(async () => {
  for (const dir of roots) await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jb-sweep-'))
  roots.push(root)
  storage = createLocalStorage(root)
  deps = makeDeps(db())
  const member = await createMember(deps, { firstName: 'Admin' })
  await makeStaff(deps, member)
  admin = member.client
})

const seed = () => seedCourse(deps, premiumCursus, { mediaDir, storage })

/** Every stored file (hidden ones too), relative to the storage root. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort()
}

async function put(key: string, content: string | Buffer = `bytes of ${key}`): Promise<string> {
  await storage.write(key, Readable.from([Buffer.from(content)]), { contentType: 'application/octet-stream', maxBytes: 1024 * 1024 })
  return key
}

/** Sets the object's modification time to `ms` before the test clock's now. */
async function age(key: string, ms: number): Promise<void> {
  const when = new Date(deps.clock.now().getTime() - ms)
  await utimes(path.join(root, key), when, when)
}

async function ageEverything(ms: number): Promise<void> {
  for (const key of await filesOnDisk()) await age(key, ms)
}

/** A master playlist, two renditions with two segments each, as the media.hls job writes them. */
async function putHls(videoKey: string): Promise<{ master: string; files: string[] }> {
  const folder = hlsPrefixFor(videoKey)
  const files: string[] = []
  for (const rendition of ['360p', '240p']) {
    files.push(await put(`${folder}/${rendition}/segment-000.ts`, Buffer.alloc(100, 1)))
    files.push(await put(`${folder}/${rendition}/segment-001.ts`, Buffer.alloc(50, 2)))
    files.push(await put(`${folder}/${rendition}/index.m3u8`, '#EXTM3U\n#EXTINF:4,\nsegment-000.ts\n#EXTINF:2,\nsegment-001.ts\n#EXT-X-ENDLIST\n'))
  }
  const master = await put(`${folder}/master.m3u8`, '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=700000\n360p/index.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=350000\n240p/index.m3u8\n')
  return { master, files: [...files, master] }
}

const sizeOf = async (keys: string[]) => {
  let total = 0
  for (const key of keys) total += (await stat(storage.localPath!(key))).size
  return total
}

describe('sweepOrphanedMedia', () => {
  test('deletes old orphans (deleted lesson, replaced video + its HLS, stray attachment); keeps fresh orphans, every reference and non-media keys', async () => {
    await seed()
    const seededFiles = await filesOnDisk()
    const api = await admin.api()
    const course = await api.admin.courses.get({ courseSlug: COURSE })
    const [first, second] = course.modules
    const playing = await api.admin.lessons.create({ moduleId: first!.id, slug: 'met-hls', title: 'Met HLS' })

    // A lesson that plays an uploaded video with renditions and uploaded captions.
    const video = await put(`${UPLOADS}/${playing.id}-a1b2c3d4e5f6.mp4`)
    const captions = await put(`${UPLOADS}/${playing.id}-0a0b0c0d0e0f.vtt`, 'WEBVTT\n')
    const hls = await putHls(video)
    await deps.db.update(lessons).set({ videoKey: video, captionsKey: captions, hlsKey: hls.master }).where(eq(lessons.id, playing.id))
    // Renditions being written for another lesson's current video, not recorded yet (no hlsKey).
    const pending = await api.admin.lessons.create({ moduleId: second!.id, slug: 'hls-onderweg', title: 'HLS onderweg' })
    const pendingVideo = await put(`${UPLOADS}/${pending.id}-ffffffffffff.mp4`)
    const pendingHls = await putHls(pendingVideo)
    await deps.db.update(lessons).set({ videoKey: pendingVideo, hlsKey: null }).where(eq(lessons.id, pending.id))

    // Left behind: the video that `playing` had before (and its renditions) …
    const replaced = await put(`${UPLOADS}/${playing.id}-000000000000.mp4`, Buffer.alloc(1000))
    const replacedHls = await putHls(replaced)
    // … a lesson deleted through the admin API with its video and captions …
    const doomed = await api.admin.lessons.create({ moduleId: first!.id, slug: 'weg-ermee', title: 'Weg ermee' })
    const doomedVideo = await put(`${UPLOADS}/${doomed.id}-111111111111.mp4`, Buffer.alloc(2000))
    const doomedCaptions = await put(`${UPLOADS}/${doomed.id}-222222222222.vtt`, 'WEBVTT\n\n')
    await deps.db.update(lessons).set({ videoKey: doomedVideo, captionsKey: doomedCaptions }).where(eq(lessons.id, doomed.id))
    await api.admin.lessons.delete({ lessonId: doomed.id })
    // … and an attachment no lesson lists any more.
    const strayAttachment = await put(`courses/${COURSE}/attachments/oude-checklist.pdf`, '%PDF-1.7 old')

    // Not lesson media: never touched, however old.
    const notMedia = [await put('invoices/2025/INV-0001.pdf'), await put(`courses/${COURSE}/certificates/ABC.pdf`), await put(`courses/${COURSE}/notes.txt`)]
    await mkdir(path.join(root, UPLOADS), { recursive: true })
    await writeFile(path.join(root, UPLOADS, `.${playing.id}-999999999999.mp4.1234.partial`), 'upload in progress')

    await ageEverything(MEDIA_SWEEP_GRACE_MS + HOUR)
    // Younger than the grace period: an upload stored a moment ago that no lesson points at yet.
    const fresh = await put(`${UPLOADS}/${playing.id}-fresh0fresh0.mp4`)
    await age(fresh, MEDIA_SWEEP_GRACE_MS - HOUR)
    // A renamed course keeps its old keys: they stay referenced.
    await api.admin.courses.update({ courseSlug: COURSE, slug: `${COURSE}-2026` })

    const orphans = [replaced, ...replacedHls.files, doomedVideo, doomedCaptions, strayAttachment]
    const orphanBytes = await sizeOf(orphans)
    const before = await filesOnDisk()
    const result = await sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage })

    expect(result).toMatchObject({ orphaned: orphans.length, deleted: orphans.length, deletedBytes: orphanBytes, failed: 0, recent: 1, skippedNoLessons: false })
    expect(result.referenced).toBe(seededFiles.length + 2 + hls.files.length + 1 + pendingHls.files.length)
    expect(result.scanned).toBe(result.referenced + result.recent + result.orphaned)
    const after = await filesOnDisk()
    expect(after).toEqual(before.filter((key) => !orphans.includes(key)))
    for (const key of [...seededFiles, video, captions, ...hls.files, pendingVideo, ...pendingHls.files, fresh, ...notMedia]) expect(after).toContain(key)
    expect(after.some((key) => key.endsWith('.partial'))).toBe(true)
    // The replaced video's rendition folders went with it; the uploads folder itself stays.
    await expect(stat(path.join(root, hlsPrefixFor(replaced)))).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(stat(path.join(root, replaced.replace(/\.mp4$/, '')))).rejects.toMatchObject({ code: 'ENOENT' })
    expect((await stat(path.join(root, UPLOADS))).isDirectory()).toBe(true)

    // The lesson still plays: its playlist and segments are all there.
    const again = await sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage })
    expect(again).toMatchObject({ deleted: 0, orphaned: 0, recent: 1 })
    // Once the fresh orphan is past the grace period, it goes too.
    deps.clock.advance(2 * HOUR)
    expect(await sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage })).toMatchObject({ deleted: 1, recent: 0 })
    expect(await filesOnDisk()).not.toContain(fresh)
  })

  test("the seeded course's media all survive a sweep, however old", async () => {
    await seed()
    const files = await filesOnDisk()
    expect(files.length).toBeGreaterThan(5)
    await ageEverything(30 * 24 * HOUR)
    const result = await sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage })
    expect(result).toEqual({ scanned: files.length, referenced: files.length, recent: 0, orphaned: 0, deleted: 0, deletedBytes: 0, failed: 0, skippedNoLessons: false })
    expect(await filesOnDisk()).toEqual(files)
  })

  test('two sweeps at once (one without localPath, as on S3) delete every orphan once between them and nothing else', async () => {
    await seed()
    const [lesson] = await deps.db.select().from(lessons).orderBy(asc(lessons.position)).limit(1)
    const orphans: string[] = []
    for (let i = 0; i < 12; i += 1) orphans.push(await put(`${UPLOADS}/${lesson!.id}-${String(i).padStart(12, '0')}.mp4`))
    orphans.push(...(await putHls(orphans[0]!)).files)
    const kept = (await filesOnDisk()).filter((key) => !orphans.includes(key))
    await ageEverything(2 * MEDIA_SWEEP_GRACE_MS)

    const remote: Storage = { ...storage, kind: 's3', localPath: undefined }
    const [a, b] = await Promise.all([
      sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage }),
      sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage: remote }),
    ])
    expect(a.failed + b.failed).toBe(0)
    // Each saw every orphan that still existed when it listed; deleting a deleted object is no error.
    expect(a.deleted + b.deleted).toBeGreaterThanOrEqual(orphans.length)
    expect(await filesOnDisk()).toEqual(kept)
    expect(await sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage })).toMatchObject({ orphaned: 0, deleted: 0 })
  })

  test('a database without any lesson deletes nothing (a fresh or wrong database must not empty the media)', async () => {
    const media = [await put(`${UPLOADS}/0b6b0f3e-7c55-4a57-9d0c-6bd0c9f3b7a1-abcdefabcdef.mp4`), await put(`courses/${COURSE}/videos/intro.mp4`)]
    await ageEverything(10 * MEDIA_SWEEP_GRACE_MS)
    expect(await sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage })).toMatchObject({ orphaned: 2, deleted: 0, skippedNoLessons: true })
    expect(await filesOnDisk()).toEqual(media.sort())
  })

  test('a failed delete is reported and the others still go', async () => {
    await seed()
    const [lesson] = await deps.db.select().from(lessons).limit(1)
    const stuck = await put(`${UPLOADS}/${lesson!.id}-5tuck5tuck55.mp4`)
    const gone = await put(`${UPLOADS}/${lesson!.id}-9one9one9one.mp4`)
    await ageEverything(2 * MEDIA_SWEEP_GRACE_MS)
    const failing: Storage = {
      ...storage,
      delete: (key) => (key === stuck ? Promise.reject(new Error('EACCES')) : storage.delete(key)),
    }
    const errors: string[] = []
    const result = await sweepOrphanedMedia({ db: deps.db, clock: deps.clock, storage: failing }, { onDeleteError: (key) => errors.push(key) })
    expect(result).toMatchObject({ orphaned: 2, deleted: 1, failed: 1 })
    expect(errors).toEqual([stuck])
    const files = await filesOnDisk()
    expect(files).toContain(stuck)
    expect(files).not.toContain(gone)
  })

  test('the HLS folder matches where the media.hls job writes renditions', () => {
    for (const key of [`${UPLOADS}/x-0123456789ab.mp4`, `courses/${COURSE}/videos/intro.mp4`, 'courses/a/uploads/les.v2.mp4']) {
      expect(hlsFolderOf(key)).toBe(`${hlsPrefixFor(key)}/`)
    }
  })
})

describe(`the ${MEDIA_SWEEP_QUEUE} job`, () => {
  function capturingLogger() {
    const lines: Array<Record<string, unknown>> = []
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
        done()
      },
    })
    return { logger: pino({ level: 'info' }, stream), lines }
  }

  test('is scheduled daily, and logs how many objects and bytes it removed', async () => {
    await seed()
    const [lesson] = await deps.db.select().from(lessons).limit(1)
    const orphan = await put(`${UPLOADS}/${lesson!.id}-0dd0dd0dd0dd.mp4`, Buffer.alloc(4321))
    await ageEverything(MEDIA_SWEEP_GRACE_MS + HOUR)
    const { logger, lines } = capturingLogger()

    const job = jobDefinitions({ deps: { ...deps, storage: storage }, transport: createDevMailboxTransport(), mailFrom: 'x@example.nl', logger }).find((definition) => definition.name === MEDIA_SWEEP_QUEUE)
    expect(job?.cron).toMatch(/^\d+ \d+ \* \* \*$/) // once a day
    await job!.handler({} as never, runningJob)
    await job!.handler({} as never, runningJob) // idempotent: the second run finds nothing

    expect(await filesOnDisk()).not.toContain(orphan)
    const runs = lines.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('media sweep'))
    expect(runs).toHaveLength(2)
    expect(runs[0]).toMatchObject({ level: 30, deleted: 1, deletedBytes: 4321, failed: 0, msg: 'media sweep: 1 orphaned objects (4321 bytes) deleted' })
    expect(runs[1]).toMatchObject({ deleted: 0, deletedBytes: 0 })
  })

  test('runs through pg-boss on this database driver (schedule registered, a queued run sweeps)', async () => {
    await seed()
    const [lesson] = await deps.db.select().from(lessons).limit(1)
    const orphan = await put(`${UPLOADS}/${lesson!.id}-b055b055b055.mp4`)
    await ageEverything(MEDIA_SWEEP_GRACE_MS + HOUR)
    const { logger, lines } = capturingLogger()
    const runner = await startJobRunner(db(), jobDefinitions({ deps: { ...deps, storage: storage }, transport: createDevMailboxTransport(), mailFrom: 'x@example.nl', logger }), logger)
    try {
      await runner.send(MEDIA_SWEEP_QUEUE)
      const until = Date.now() + 20_000
      while ((await filesOnDisk()).includes(orphan) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200))
      expect(await filesOnDisk()).not.toContain(orphan)
      const [schedule] = rowsOf<{ cron: string }>(await deps.db.execute(sql`select cron from pgboss.schedule where name = ${MEDIA_SWEEP_QUEUE}`))
      expect(schedule?.cron).toBe(jobDefinitions({ deps: { ...deps, storage: storage }, transport: createDevMailboxTransport(), mailFrom: '', logger }).find((job) => job.name === MEDIA_SWEEP_QUEUE)?.cron)
    } finally {
      await runner.stop()
    }
    expect(lines.some((line) => line.msg === 'media sweep: 1 orphaned objects (' + String(`bytes of ${orphan}`.length) + ' bytes) deleted')).toBe(true)
  })

  test('fails (so pg-boss retries and keeps it visible) when an orphan could not be deleted', async () => {
    await seed()
    const [lesson] = await deps.db.select().from(lessons).limit(1)
    await put(`${UPLOADS}/${lesson!.id}-5tuck5tuck55.mp4`)
    await ageEverything(MEDIA_SWEEP_GRACE_MS + HOUR)
    const { logger, lines } = capturingLogger()
    const failing: Storage = { ...storage, delete: () => Promise.reject(new Error('AccessDenied')) }
    const job = jobDefinitions({ deps: { ...deps, storage: failing }, transport: createDevMailboxTransport(), mailFrom: 'x@example.nl', logger }).find((definition) => definition.name === MEDIA_SWEEP_QUEUE)
    await expect(job!.handler({} as never, runningJob)).rejects.toThrow(/1 orphaned objects could not be deleted/)
    expect(lines.find((line) => line.msg === 'could not delete an orphaned media object')).toMatchObject({ level: 40, key: expect.stringContaining('5tuck') })
  })
})

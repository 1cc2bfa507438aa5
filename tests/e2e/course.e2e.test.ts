/**
 * The course player in a real browser against the real server (API + built client + media route,
 * in-memory database with the seeded Premium Cursus):
 *  - a member with access opens lesson 3, plays it, switches to 1.5× and pauses (a progress save);
 *    after a reload the video continues near that position, still at 1.5×;
 *  - leaving the page while it plays saves the position with `navigator.sendBeacon`;
 *  - a member without access gets the buy prompt instead of the player, and the media route refuses
 *    the video without a valid signature and with a signed URL whose user was swapped;
 *  - a member who completed every lesson claims the certificate on the outline, opens the public
 *    verification page (also without login) and downloads the PDF; attachments download for them.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { grantCourseAccess } from '@jouwbot/api/courses'
import { asc, eq, lessonProgress, lessons } from '@jouwbot/db'
import { makeHlsRenditions } from '@jouwbot/api/courses'
import { createMember } from '../helpers/accounts.ts'
import { testStorage } from '../helpers/deps.ts'
import type { TestClient } from '../helpers/client.ts'
import { logIn, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const COURSE = 'premium-cursus'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer({ seedCourse: true })
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

function newDevice(): Promise<Page> {
  return browser.newDevice({
    initScript: () => {
      // Remember beacons across the navigation that sends them (sessionStorage survives it).
      const send = navigator.sendBeacon.bind(navigator)
      navigator.sendBeacon = (url, data) => {
        const queued = send(url, data)
        const log = JSON.parse(sessionStorage.getItem('e2e.beacons') ?? '[]') as unknown[]
        log.push({ url: String(url), queued, type: data instanceof Blob ? data.type : typeof data })
        sessionStorage.setItem('e2e.beacons', JSON.stringify(log))
        return queued
      }
    },
  })
}

async function userId(client: TestClient): Promise<string> {
  const me = await (await client.api()).auth.me()
  if (!me) throw new Error('not logged in')
  return me.id
}

const videoState = (page: Page) =>
  page.evaluate(() => {
    const video = document.querySelector('video')
    if (!video) throw new Error('no <video>')
    return { time: video.currentTime, rate: video.playbackRate, paused: video.paused, readyState: video.readyState }
  })

async function play(page: Page): Promise<void> {
  // Autoplay with sound needs a user gesture; muted playback does not.
  await page.evaluate(async () => {
    const video = document.querySelector('video')!
    video.muted = true
    await video.play()
  })
}

test('a member resumes lesson 3 at the saved position and speed; others get the buy prompt and no video', async () => {
  const anna = await createMember(server.deps, { firstName: 'Anna' })
  const bram = await createMember(server.deps, { firstName: 'Bram' })

  const outline = await (await anna.client.api()).course.outline({ courseSlug: COURSE })
  const lesson3 = outline.modules.flatMap((module) => module.lessons)[2]!
  expect(lesson3.freePreview).toBe(false)
  await grantCourseAccess(
    server.handle.db,
    { userId: await userId(anna.client), courseId: outline.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
    server.deps.clock.now(),
  )
  const lessonPath = `/cursus/${COURSE}/les/${lesson3.slug}`

  // --- The member with access: play, 1.5×, pause (saves), reload, resume. ---
  const page = await newDevice()
  await logIn(page, anna.email, 'Anna')
  await page.goto(lessonPath)
  await page.getByRole('heading', { level: 1, name: lesson3.title }).waitFor()
  await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1)

  await page.getByLabel('Afspeelsnelheid').selectOption('1.5')
  // The poster with one play button; the native controls come with the first play, and the focus
  // moves to them. Muted first: headless Chromium has no sound to play.
  expect(await page.locator('video').getAttribute('controls')).toBeNull()
  expect(await page.locator('.player__poster').innerText()).toContain(lesson3.title)
  await page.evaluate(() => {
    document.querySelector('video')!.muted = true
  })
  await page.getByRole('button', { name: `Video afspelen: ${lesson3.title}` }).click()
  await page.waitForFunction(() => document.querySelector('video')!.currentTime >= 12, null, { timeout: 30_000 })
  expect(await page.locator('video').getAttribute('controls')).not.toBeNull()
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VIDEO')
  expect(await page.getByRole('button', { name: /^Video afspelen/ }).count()).toBe(0)
  expect(await page.locator('.player__poster').count()).toBe(0)
  expect((await videoState(page)).rate).toBe(1.5)

  // Pausing saves through the ordinary tRPC client.
  const saved = page.waitForResponse((response) => response.url().includes('/trpc/lesson.saveProgress') && response.request().method() === 'POST')
  await page.evaluate(() => document.querySelector('video')!.pause())
  expect((await saved).status()).toBe(200)
  const pausedAt = (await videoState(page)).time
  const afterPause = await (await anna.client.api()).lesson.get({ courseSlug: COURSE, lessonSlug: lesson3.slug })
  expect(Math.abs(afterPause.progress.positionSeconds - pausedAt)).toBeLessThan(1)
  expect(afterPause.progress.watchedPercent).toBeGreaterThan(0)

  await page.reload()
  await page.getByRole('heading', { level: 1, name: lesson3.title }).waitFor()
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 5)
  const resumed = await videoState(page)
  expect(Math.abs(resumed.time - pausedAt)).toBeLessThan(3)
  // As a native poster, the poster goes with the seek to the resume point: the frame shows, with the
  // play button still over it.
  await page.locator('.player__poster').waitFor({ state: 'detached' })
  expect(await page.getByRole('button', { name: `Video afspelen: ${lesson3.title}` }).count()).toBe(1)
  expect(resumed.rate).toBe(1.5)
  expect(await page.getByLabel('Afspeelsnelheid').inputValue()).toBe('1.5')
  await page.getByText(/^\d+% bekeken/).waitFor()
  const videoSrc = await page.locator('video').getAttribute('src')
  expect(videoSrc).toMatch(new RegExp(`^/media/lessons/${lesson3.id}/video\\?u=`))

  // --- Leaving while it plays: the position arrives by beacon (no pause, no 10-second save). ---
  await play(page)
  await page.waitForFunction((from) => document.querySelector('video')!.currentTime >= from + 3, resumed.time)
  const leftAt = (await videoState(page)).time
  await page.goto('/cursussen')
  await page.getByRole('heading', { level: 1, name: 'Cursussen' }).waitFor()
  const beacons = JSON.parse((await page.evaluate(() => sessionStorage.getItem('e2e.beacons'))) ?? '[]') as Array<{
    url: string
    queued: boolean
    type: string
  }>
  expect(beacons).toContainEqual({ url: '/trpc/lesson.saveProgress', queued: true, type: 'application/json' })
  await expect
    .poll(async () => (await (await anna.client.api()).lesson.get({ courseSlug: COURSE, lessonSlug: lesson3.slug })).progress.positionSeconds, {
      timeout: 10_000,
    })
    .toBeGreaterThanOrEqual(leftAt - 0.5)

  // The outline shows the course with progress and the way back in.
  await page.goto(`/cursus/${COURSE}`)
  await page.getByRole('link', { name: 'Ga verder waar je was' }).waitFor()
  expect(await page.getByRole('link', { name: 'Koop de Premium Cursus' }).count()).toBe(0)

  // --- A member without access: the buy prompt instead of the player. ---
  const other = await newDevice()
  await logIn(other, bram.email, 'Bram')
  await other.goto(lessonPath)
  await other.getByRole('heading', { name: 'Deze les hoort bij de Premium Cursus' }).waitFor()
  await other.getByRole('link', { name: 'Koop de Premium Cursus' }).waitFor()
  expect(await other.getByRole('heading', { level: 1, name: lesson3.title }).count()).toBe(1)
  expect(await other.locator('video').count()).toBe(0)
  await expect((await bram.client.api()).lesson.get({ courseSlug: COURSE, lessonSlug: lesson3.slug })).rejects.toThrow('course.locked')

  // The media route: Anna's signed URL works (with ranges); no or a forged signature, or her URL
  // with Bram's id in it, does not.
  const signed = await page.request.get(videoSrc!, { headers: { range: 'bytes=0-99' } })
  expect(signed.status()).toBe(206)
  const bramId = await userId(bram.client)
  const url = new URL(videoSrc!, server.url)
  const swapped = new URL(url)
  swapped.searchParams.set('u', bramId)
  const forged = new URL(url)
  forged.searchParams.set('u', bramId)
  forged.searchParams.set('s', 'A'.repeat(43))
  for (const attempt of [`/media/lessons/${lesson3.id}/video`, `${forged.pathname}${forged.search}`, `${swapped.pathname}${swapped.search}`]) {
    const response = await other.request.get(attempt, { headers: { range: 'bytes=0-99' } })
    expect(response.status(), attempt).toBe(403)
  }

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

/** Lesson 4 with HLS renditions (made once, for both HLS tests) and its slug. */
let hlsLesson: Promise<{ slug: string; title: string; courseId: string }> | undefined
function lessonWithHls(): Promise<{ slug: string; title: string; courseId: string }> {
  hlsLesson ??= (async () => {
    const anyone = await createMember(server.deps, { firstName: 'Hanna' })
    const outline = await (await anyone.client.api()).course.outline({ courseSlug: COURSE })
    const lesson4 = outline.modules.flatMap((module) => module.lessons)[3]!
    expect(lesson4.freePreview).toBe(false)
    const [row] = await server.deps.db.select().from(lessons).where(eq(lessons.id, lesson4.id))
    const masterKey = await makeHlsRenditions({ storage: testStorage, key: row!.videoKey! })
    expect(masterKey).not.toBeNull()
    await server.deps.db.update(lessons).set({ hlsKey: masterKey }).where(eq(lessons.id, lesson4.id))
    server.deps.courses.invalidate()
    return { slug: lesson4.slug, title: lesson4.title, courseId: outline.course.id }
  })()
  return hlsLesson
}

/**
 * Plays the HLS lesson and returns the video's src and the requests made. With `withoutNativeHls`
 * the page's <video> reports no native HLS, as in Firefox or older Chromium, so hls.js must play it.
 */
async function playHlsLesson(firstName: string, withoutNativeHls: boolean) {
  const lesson = await lessonWithHls()
  const member = await createMember(server.deps, { firstName })
  await grantCourseAccess(
    server.handle.db,
    { userId: await userId(member.client), courseId: lesson.courseId, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
    server.deps.clock.now(),
  )
  const page = await newDevice()
  if (withoutNativeHls) {
    await page.addInitScript(() => {
      const canPlayType = HTMLMediaElement.prototype.canPlayType
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return /mpegurl/i.test(type) ? '' : canPlayType.call(this, type)
      }
    })
  }
  const hlsRequests: Array<{ url: string; status: number }> = []
  const scripts: string[] = []
  page.on('response', (response) => {
    if (response.url().includes('/hls/')) hlsRequests.push({ url: response.url(), status: response.status() })
    if (response.url().includes('/assets/') && response.url().endsWith('.js')) scripts.push(response.url())
  })
  await logIn(page, member.email, firstName)
  await page.goto(`/cursus/${COURSE}/les/${lesson.slug}`)
  await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor()
  await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, { timeout: 20_000 })
  await play(page)
  await page.waitForFunction(() => document.querySelector('video')!.currentTime >= 3, null, { timeout: 30_000 })
  const src = await page.evaluate(() => document.querySelector('video')!.src)
  expect(await page.locator('video track[kind="captions"]').count()).toBe(1)
  // 206: Chromium's own HLS player asks for segments by byte range.
  expect(hlsRequests.filter((r) => r.status !== 200 && r.status !== 206)).toEqual([])
  await page.evaluate(() => document.querySelector('video')!.pause())
  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
  return { src, hlsRequests, hlsJsLoaded: scripts.some((url) => /\/assets\/hls-[^/]*\.js$/.test(url)) }
}

test('a lesson with HLS renditions plays natively where the browser has HLS, without loading hls.js', async () => {
  const { src, hlsJsLoaded } = await playHlsLesson('Dana', false)
  // The element plays the playlist itself (Chromium's media stack fetches the playlists and
  // segments, out of the page's sight, so they are not counted here); not the MP4 fallback.
  expect(src).toMatch(/\/master\.m3u8(\?|$)/)
  expect(hlsJsLoaded).toBe(false)
}, 240_000) // the first of the two makes the renditions (ffmpeg)

test('without native HLS the lesson plays through hls.js (MSE), with its captions track', async () => {
  const { src, hlsRequests, hlsJsLoaded } = await playHlsLesson('Dirk', true)
  expect(src).toMatch(/^blob:/)
  expect(hlsJsLoaded).toBe(true)
  expect(hlsRequests.some((r) => r.url.endsWith('/master.m3u8') && r.status === 200)).toBe(true)
  expect(hlsRequests.some((r) => r.url.endsWith('.ts') && r.status === 200)).toBe(true)
}, 240_000)

test('a member who completed every lesson claims the certificate, verifies it publicly and downloads files', async () => {
  const carla = await createMember(server.deps, { firstName: 'Carla' })
  const api = await carla.client.api()
  const outline = await api.course.outline({ courseSlug: COURSE })
  const carlaId = await userId(carla.client)
  await grantCourseAccess(
    server.handle.db,
    { userId: carlaId, courseId: outline.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
    server.deps.clock.now(),
  )
  // Completion itself is covered elsewhere; here every lesson is simply done.
  const rows = await server.handle.db.select().from(lessons).where(eq(lessons.courseId, outline.course.id)).orderBy(asc(lessons.position))
  const now = server.deps.clock.now()
  await server.handle.db
    .insert(lessonProgress)
    .values(rows.map((lesson) => ({ userId: carlaId, lessonId: lesson.id, courseId: outline.course.id, completedAt: now, updatedAt: now })))
  // Written straight to the database, past the server's short-lived per-viewer outline cache.
  server.deps.viewerCourses.invalidate(carlaId)

  const page = await newDevice()
  await logIn(page, carla.email, 'Carla')
  await page.goto(`/cursus/${COURSE}`)
  await page.getByRole('heading', { level: 2, name: 'Je certificaat' }).waitFor()
  expect(await page.getByText('Rond alle lessen af om je certificaat te ontvangen', { exact: false }).count()).toBe(0)
  await page.getByRole('button', { name: 'Vraag je certificaat aan' }).click()
  const view = page.getByRole('link', { name: 'Bekijk certificaat' })
  await view.waitFor()
  const mine = await api.certificate.mine({ courseSlug: COURSE })
  expect(mine).not.toBeNull()
  const code = mine!.code
  expect(await view.getAttribute('href')).toBe(`/certificaat/${code}`)
  const pdfHref = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')
  expect(pdfHref).toBe(`/certificates/${code}.pdf`)

  await view.click()
  await page.getByRole('heading', { level: 1, name: 'Dit certificaat is echt' }).waitFor()
  await page.getByText('Carla de Vries', { exact: true }).waitFor()
  await page.getByText(code, { exact: true }).waitFor()
  expect(new URL(page.url()).pathname).toBe(`/certificaat/${code}`)
  const pdf = await page.request.get(pdfHref!)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

  // The verification page is public; an unknown code says so clearly.
  const visitor = await newDevice()
  await visitor.goto(`/certificaat/${code}`)
  await visitor.getByRole('heading', { level: 1, name: 'Dit certificaat is echt' }).waitFor()
  await visitor.getByText('Carla de Vries', { exact: true }).waitFor()
  await visitor.goto('/certificaat/aaaaaaaaaaaaaaaa')
  await visitor.getByRole('heading', { level: 1, name: 'Dit certificaat bestaat niet' }).waitFor()

  // Attachments: a real download link for whoever may open the lesson.
  const withFile = rows.find((lesson) => !lesson.freePreview && lesson.attachments.length > 0)!
  const attachment = withFile.attachments[0]!
  await page.goto(`/cursus/${COURSE}/les/${withFile.slug}`)
  await page.getByRole('heading', { level: 1, name: withFile.title }).waitFor()
  const link = page.getByRole('link', { name: attachment.title })
  const href = await link.getAttribute('href')
  expect(href).toBe(`/attachments/lessons/${withFile.id}/${encodeURIComponent(attachment.fileName)}`)
  expect(await link.getAttribute('download')).toBe('')
  const download = await page.request.get(href!)
  expect(download.status()).toBe(200)
  expect((await download.body()).byteLength).toBeGreaterThan(0)
  expect((await visitor.request.get(href!)).status()).toBe(403)

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

/**
 * The course outline in a real browser: the server answers `course.outline` with an ETag and
 * `Cache-Control: private, no-cache`, so Chromium revalidates its copy with If-None-Match on every
 * load and reuses it on 304. Here: a reload is answered 304 and shows the same page; after a
 * progress save the next load gets the new outline; another member logging in on the same device
 * never sees the first member's copy.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { grantCourseAccess } from '@jouwbot/api/courses'
import { createMember } from '../helpers/accounts.ts'
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

interface OutlineExchange {
  ifNoneMatch: string | undefined
  etag: string | undefined
  /** Body bytes that crossed the network: 0 when the server answered 304 and the copy was reused. */
  bodyBytes: number
}

/**
 * Every `course.outline` request the page makes, as the network saw it. (Chromium reports a
 * revalidated answer with the stored copy's status, 200; the body size tells the two apart.)
 */
function recordOutlineRequests(page: Page): OutlineExchange[] {
  const seen: OutlineExchange[] = []
  page.on('requestfinished', (request) => {
    if (!request.url().includes('/trpc/course.outline')) return
    void (async () => {
      const response = await request.response()
      const [headers, sizes] = await Promise.all([request.allHeaders(), request.sizes()])
      seen.push({ ifNoneMatch: headers['if-none-match'], etag: (await response?.allHeaders())?.etag, bodyBytes: sizes.responseBodySize })
    })()
  })
  return seen
}

test('the browser revalidates the outline, and still sees a progress save and a change of member', async () => {
  const anna = await createMember(server.deps, { firstName: 'Anna' })
  const bram = await createMember(server.deps, { firstName: 'Bram' })
  const api = await anna.client.api()
  const outline = await api.course.outline({ courseSlug: COURSE })
  const annaId = (await api.auth.me())!.id
  await grantCourseAccess(
    server.handle.db,
    { userId: annaId, courseId: outline.course.id, source: 'admin_grant', sourceRef: 'manual', actorUserId: null },
    server.deps.clock.now(),
  )
  server.deps.viewerCourses.invalidate(annaId)
  const lessons = outline.modules.flatMap((module) => module.lessons)
  const total = lessons.length

  const page = await browser.newDevice()
  const exchanges = recordOutlineRequests(page)
  await logIn(page, anna.email, 'Anna')
  await page.goto(`/cursus/${COURSE}`)
  await page.getByText(`0 van ${total} lessen voltooid (0%)`).waitFor()
  await page.getByText(`Volgende les: ${lessons[0]!.title}`).waitFor()
  await expect.poll(() => exchanges.length).toBe(1)
  expect(exchanges[0]).toMatchObject({ ifNoneMatch: undefined })
  expect(exchanges[0]!.bodyBytes).toBeGreaterThan(10_000)
  const etag = exchanges[0]!.etag
  expect(etag).toBeTruthy()

  // A reload: the browser asks with its ETag, the server answers 304, the page is the same.
  await page.reload()
  await page.getByText(`Volgende les: ${lessons[0]!.title}`).waitFor()
  await expect.poll(() => exchanges.length).toBe(2)
  expect(exchanges[1]).toMatchObject({ ifNoneMatch: etag, etag, bodyBytes: 0 })

  // Anna starts lesson 5 elsewhere (a progress save): the next load shows it.
  await api.lesson.saveProgress({ lessonId: lessons[4]!.id, positionSeconds: 0, playedRanges: [], clientTime: server.deps.clock.now() })
  await page.reload()
  await page.getByText(`Volgende les: ${lessons[4]!.title}`).waitFor()
  await expect.poll(() => exchanges.length).toBe(3)
  expect(exchanges[2]!.ifNoneMatch).toBe(etag)
  expect(exchanges[2]!.etag).not.toBe(etag)
  expect(exchanges[2]!.bodyBytes).toBeGreaterThan(10_000)

  // Bram logs in on the same device: his own outline (no access), never Anna's copy.
  await page.context().clearCookies()
  await logIn(page, bram.email, 'Bram')
  await page.goto(`/cursus/${COURSE}`)
  await page.getByRole('heading', { name: 'Krijg toegang tot alle lessen' }).waitFor()
  expect(await page.getByText('lessen voltooid').count()).toBe(0)
  await expect.poll(() => exchanges.length).toBe(4)
  expect(exchanges[3]!.bodyBytes).toBeGreaterThan(10_000)

  expect(browser.pageErrors).toEqual([])
  expect(browser.cspViolations).toEqual([])
})

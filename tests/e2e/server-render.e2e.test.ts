/**
 * Server-rendered public pages (issue 14 §3): a visitor without a session gets the landing page,
 * the pricing page and a free-preview lesson as HTML that reads without JavaScript (in Dutch, with
 * the cookie banner, unless the visitor's `jb_prefs` cookie says otherwise), the browser hydrates that markup without replacing it, and the data put into
 * the page is only what the API gives the visitor — never a paid lesson's content.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedShop } from '@jouwbot/api/checkout'
import { eq, lessons } from '@jouwbot/db'
import { createMember } from '../helpers/accounts.ts'
import { openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { COURSE } from '../helpers/course.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession
let freeLesson: { slug: string; title: string }
let paidLesson: { slug: string; title: string }

beforeAll(async () => {
  server = await startTestServer({ seedCourse: true })
  await seedShop(server.deps, COURSE)
  browser = await openBrowser(server.url)
  const anna = await createMember(server.deps, { firstName: 'Anna' })
  const outline = await (await anna.client.api()).course.outline({ courseSlug: COURSE })
  const lessons = outline.modules.flatMap((module) => module.lessons)
  freeLesson = lessons.find((lesson) => lesson.freePreview)!
  paidLesson = lessons.find((lesson) => !lesson.freePreview)!
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The HTML as a client without JavaScript gets it, and what is inside `#root`. */
async function fetchPage(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers })
  const html = await response.text()
  const root = /<div id="root">([\s\S]*?)<\/div>\s*(?:<script type="application\/json"|<noscript>)/.exec(html)?.[1] ?? ''
  return { status: response.status, html, root }
}

test('landing, pricing and a free-preview lesson arrive rendered, in Dutch, with the cookie banner', async () => {
  const pages = [
    ['/', 'Bouw, verkoop en onderhoud winstgevende Messenger-chatbots'],
    ['/prijzen', 'Kies je pakket'],
    [`/cursus/${COURSE}/les/${freeLesson.slug}`, freeLesson.title],
  ] as const
  for (const [path, heading] of pages) {
    const page = await fetchPage(path)
    expect(page.status).toBe(200)
    expect(page.root).toContain(`>${heading.replace(/&/g, '&amp;')}</h1>`)
    expect(page.root).toContain('Cookies op Jouw Bot')
    expect(page.html).toContain('id="jb-ssr-state"')
    // The scripts are asked for after the first paint (page-scripts.js), not while the HTML parses.
    expect(page.html).toMatch(/<script src="\/page-scripts\.js" defer data-entry="\/assets\/index-[^"]+\.js"/)
    expect(page.html).not.toMatch(/<script type="module"|rel="modulepreload"/)
  }
})

/** Records every element removed from the page, from before the HTML is parsed (on every load). */
function recordRemovedElements() {
  const removed: string[] = []
  Object.assign(window, { removedElements: removed })
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.removedNodes) if (node instanceof Element) removed.push(node.tagName)
  }).observe(document, { subtree: true, childList: true })
}
const removedElements = (page: Awaited<ReturnType<BrowserSession['newDevice']>>) =>
  page.evaluate(() => (window as unknown as { removedElements: string[] }).removedElements)

test('the browser hydrates the server markup: nothing replaced, no error', async () => {
  for (const path of ['/', '/prijzen', `/cursus/${COURSE}/les/${freeLesson.slug}`]) {
    const page = await browser.newDevice({ initScript: recordRemovedElements })
    const messages: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') messages.push(message.text())
    })
    const heading = await (await fetchPage(path)).root.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]
    await page.goto(path)
    // Hydrated: on this wide window React unfolds the header the server sent folded (it cannot measure).
    await page.locator('.site-header:not(.site-header--compact)').waitFor()
    expect(await page.locator('h1').first().innerHTML()).toBe(heading)
    expect(await removedElements(page)).toEqual([])
    expect(messages).toEqual([])
    await page.context().close()
  }
  expect(browser.pageErrors).toEqual([])
  expect(browser.cspViolations).toEqual([])
})

test('a browser that chose English gets the page in English (rendered anew, not hydrated in Dutch)', async () => {
  const page = await browser.newDevice({ initScript: () => localStorage.setItem('jouwbot.language', 'en') })
  await page.goto('/')
  await page.getByRole('heading', { level: 1, name: 'Build, sell and maintain profitable Messenger chatbots' }).waitFor()
  expect(await page.locator('h1').count()).toBe(1)
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
  expect(browser.pageErrors).toEqual([])
  await page.context().close()
})

test('a visitor who answered the cookie question gets the next page without the banner, hydrated as it is', async () => {
  const page = await browser.newDevice({ initScript: recordRemovedElements })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
  })
  await page.goto('/prijzen')
  await page.locator('.site-header:not(.site-header--compact)').waitFor() // hydrated
  await page.getByTestId('consent-dialog').getByRole('button', { name: 'Alles weigeren' }).click()
  await page.getByTestId('consent-dialog').waitFor({ state: 'detached' })
  const cookie = (await page.context().cookies()).find((c) => c.name === 'jb_prefs')
  expect(cookie?.value).toBe('v1.c1.nl')
  expect(cookie?.sameSite).toBe('Lax')

  // The server's HTML for this browser has no banner.
  const html = await fetchPage('/', { cookie: `jb_prefs=${cookie!.value}` })
  expect(html.root).toContain('>Bouw, verkoop en onderhoud winstgevende Messenger-chatbots</h1>')
  expect(html.root).not.toContain('consent-dialog')
  expect(html.root).not.toContain('Cookies op Jouw Bot')

  // And the browser hydrates it without a mismatch and without a banner appearing.
  await page.goto('/')
  await page.locator('.site-header:not(.site-header--compact)').waitFor()
  expect(await page.getByTestId('consent-dialog').count()).toBe(0)
  expect(await removedElements(page)).toEqual([])
  expect(errors.filter((text) => /hydrat|did not match/i.test(text))).toEqual([])
  expect(browser.pageErrors).toEqual([])
  await page.context().close()
})

test('a visitor who chose English gets English HTML from the server, hydrated in English', async () => {
  const page = await browser.newDevice({ initScript: recordRemovedElements })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto('/')
  await page.locator('.site-header:not(.site-header--compact)').waitFor()
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('heading', { level: 1, name: 'Build, sell and maintain profitable Messenger chatbots' }).waitFor()
  const cookie = (await page.context().cookies()).find((c) => c.name === 'jb_prefs')
  expect(cookie?.value).toBe('v1.c0.en')

  const html = await fetchPage('/prijzen', { cookie: `jb_prefs=${cookie!.value}` })
  expect(html.html).toContain('<html lang="en">')
  expect(html.root).toContain('>Choose your package</h1>')
  expect(html.root).not.toContain('Kies je pakket')

  // Hydrated, not replaced: the server's heading element stays.
  await page.goto('/prijzen')
  await page.locator('.site-header:not(.site-header--compact)').waitFor()
  expect(await page.locator('h1').first().textContent()).toBe('Choose your package')
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
  expect(await removedElements(page)).toEqual([])
  expect(errors).toEqual([])
  expect(browser.pageErrors).toEqual([])
  await page.context().close()
})

test('a browser with an English choice from before the cookie existed gets the cookie at start-up', async () => {
  const page = await browser.newDevice({ initScript: () => localStorage.setItem('jouwbot.language', 'en') })
  await page.goto('/')
  await page.getByRole('heading', { level: 1, name: 'Build, sell and maintain profitable Messenger chatbots' }).waitFor()
  expect((await page.context().cookies()).find((c) => c.name === 'jb_prefs')?.value).toBe('v1.c0.en')
  await page.context().close()
})

test('a malformed preference cookie is ignored: Dutch, with the banner', async () => {
  // The well-formed value, for contrast: English, no banner.
  const valid = await fetchPage('/prijzen', { cookie: 'jb_prefs=v1.c1.en' })
  expect(valid.root).toContain('>Choose your package</h1>')
  expect(valid.root).not.toContain('Cookies on Jouw Bot')
  expect(valid.root).not.toContain('consent-dialog')
  for (const value of ['v1.c1.de', 'v2.c1.en', 'v1.c1.en;x', 'c1.en', 'v1.c1.en.extra', '']) {
    const page = await fetchPage('/prijzen', { cookie: `jb_prefs=${encodeURIComponent(value)}` })
    expect(page.html).toContain('<html lang="nl">')
    expect(page.root).toContain('>Kies je pakket</h1>')
    expect(page.root).toContain('Cookies op Jouw Bot')
  }
})

test("a lesson's text is kept as the server sent it while hydrating: in-site links stay in the app, a language switch renders it anew", async () => {
  // Hydration keeps the Markdown's server markup instead of parsing and hydrating it (Markdown.tsx).
  const [free] = await server.deps.db.select().from(lessons).where(eq(lessons.slug, freeLesson.slug))
  const table = '\n\n| Stap | Wat |\n|---|---|\n| 1 | Kies een [pakket](/prijzen) |\n'
  await server.deps.db.update(lessons).set({ bodyMarkdown: `${free!.bodyMarkdown}${table}` }).where(eq(lessons.id, free!.id))
  server.deps.courses.invalidate()
  try {
    const page = await browser.newDevice({ initScript: recordRemovedElements })
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    // The Markdown renderer's script (react-markdown, ~160 kB) is only asked for once a text is
    // rendered in the browser: not for a kept one.
    const rendererScripts: string[] = []
    page.on('request', (request) => {
      if (/\/assets\/(markdown|MarkdownRenderer)-[\w-]+\.js$/.test(new URL(request.url()).pathname)) rendererScripts.push(request.url())
    })
    // A query string of its own: a page rendered before the edit may be in the render cache.
    const path = `/cursus/${COURSE}/les/${freeLesson.slug}?tekst=tabel`
    expect((await fetchPage(path)).root).toContain('aria-label="Tabel"')
    await page.goto(path)
    await page.locator('html[data-app="ready"]').waitFor()
    const text = page.locator('.markdown.prose')
    await text.getByRole('region', { name: 'Tabel' }).waitFor()
    expect(await removedElements(page)).toEqual([])
    await page.getByTestId('consent-dialog').getByRole('button', { name: 'Alles weigeren' }).click()

    // The in-site link navigates within the app (no new document), like a <Link>.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))
    await text.getByRole('link', { name: 'pakket' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kies je pakket' }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)

    // Hydrated again, then switched to English: the text's own labels follow the language.
    await page.goto(path)
    await page.locator('html[data-app="ready"]').waitFor()
    expect(rendererScripts).toEqual([])
    await page.getByRole('button', { name: 'English' }).click()
    await text.getByRole('region', { name: 'Table' }).waitFor()
    expect(rendererScripts.length).toBeGreaterThan(0)
    expect(await text.getByRole('link', { name: 'pakket' }).getAttribute('href')).toBe('/prijzen')
    expect(errors).toEqual([])
    expect(browser.pageErrors).toEqual([])
    await page.context().close()
  } finally {
    await server.deps.db.update(lessons).set({ bodyMarkdown: free!.bodyMarkdown }).where(eq(lessons.id, free!.id))
    server.deps.courses.invalidate()
  }
})

/**
 * The curriculum panel's `open`, in the DOM and as React last rendered it (the props React keeps on
 * the element): React does not correct a differing attribute while hydrating, so the two can part.
 */
function curriculumOpen(page: Awaited<ReturnType<BrowserSession['newDevice']>>) {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLDetailsElement>('details.curriculum')
    if (!panel) return null
    const props = Object.entries(panel).find(([key]) => key.startsWith('__reactProps$'))?.[1] as { open?: boolean } | undefined
    return { dom: panel.open, rendered: props?.open ?? null }
  })
}

test("on a phone that does not say so, a server-rendered lesson's curriculum stays as the server sent it (open), and React agrees", async () => {
  const page = await browser.newDevice()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.setViewportSize({ width: 390, height: 844 })
  const path = `/cursus/${COURSE}/les/${freeLesson.slug}`
  // Without Sec-CH-UA-Mobile (Safari, Firefox) the server cannot know the width: it sends the panel open.
  expect((await fetchPage(path)).root).toMatch(/<details class="card lesson-panel curriculum" open="">/)
  await page.goto(path)
  await page.locator('html[data-app="ready"]').waitFor()
  expect(await curriculumOpen(page)).toEqual({ dom: true, rendered: true })
  // The summary folds and unfolds it, state and DOM in step.
  const summary = page.locator('.curriculum__summary')
  await summary.click()
  await expect.poll(() => curriculumOpen(page)).toEqual({ dom: false, rendered: false })
  await summary.click()
  await expect.poll(() => curriculumOpen(page)).toEqual({ dom: true, rendered: true })

  // A panel the browser renders itself (here after a client-side navigation) starts folded on a phone.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }))
  await page.getByTestId('consent-dialog').getByRole('button', { name: 'Alles weigeren' }).click()
  await page.locator(`a[href="/cursus/${COURSE}"]`).first().click()
  await page.locator('details.curriculum').waitFor({ state: 'detached' })
  await page.locator(`a[href="${path}"]`).first().click()
  await page.locator('details.curriculum').waitFor()
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
  expect(await curriculumOpen(page)).toEqual({ dom: false, rendered: false })
  expect(errors).toEqual([])
  expect(browser.pageErrors).toEqual([])
  await page.context().close()
})

test("on a phone that says so (Sec-CH-UA-Mobile), the lesson's curriculum and transcript arrive folded without their lists, and unfold", async () => {
  const path = `/cursus/${COURSE}/les/${freeLesson.slug}`
  const sent = await fetchPage(path, { 'Sec-CH-UA-Mobile': '?1' })
  expect(sent.root).toMatch(/<details class="card lesson-panel curriculum">/)
  expect(sent.root).not.toContain('curriculum__modules')
  expect(sent.root).toMatch(/<details class="card lesson-panel transcript">/)
  expect(sent.root).not.toContain('transcript__list')
  // The same page for a desktop is rendered and kept apart (its own cache entry, Vary).
  const desktop = await fetch(`${server.url}${path}`, { headers: { 'Sec-CH-UA-Mobile': '?0' } })
  expect(desktop.headers.get('vary')).toMatch(/Sec-CH-UA-Mobile/i)
  const desktopHtml = await desktop.text()
  expect(desktopHtml).toContain('curriculum__modules')
  expect(desktopHtml).toMatch(/<details class="card lesson-panel transcript" open="">/)
  expect(desktopHtml).toContain('transcript__list')

  const page = await browser.newDevice({ headers: { 'Sec-CH-UA-Mobile': '?1' } })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(path)
  await page.locator('html[data-app="ready"]').waitFor()
  expect(await curriculumOpen(page)).toEqual({ dom: false, rendered: false })
  const lessonLinks = page.getByRole('navigation', { name: 'Alle lessen van de cursus' }).getByRole('link')
  expect(await lessonLinks.count()).toBe(0)
  await page.locator('.curriculum__summary').click()
  await expect.poll(() => curriculumOpen(page)).toEqual({ dom: true, rendered: true })
  expect(await lessonLinks.count()).toBeGreaterThan(1)
  await expect.poll(() => page.locator('.curriculum a[aria-current="page"]').count()).toBe(1)

  // The transcript: folded with its number of lines; unfolded, searchable, and a line moves the video.
  const transcript = page.locator('details.transcript')
  expect(await transcript.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false)
  expect(await page.locator('.transcript__summary').textContent()).toMatch(/^Transcript\d+ regels$/)
  expect(await transcript.getByRole('button').count()).toBe(0)
  await page.locator('.transcript__summary').click()
  const lines = transcript.getByRole('list', { name: 'Tekst van de video' }).getByRole('button')
  await expect.poll(() => lines.count()).toBeGreaterThan(3)
  const all = await lines.count()
  const third = (await lines.nth(2).locator('.seek-item__text').textContent())!
  const word = third.split(/\s+/).find((candidate) => candidate.length >= 6)!
  await transcript.getByLabel('Zoek in het transcript').fill(word)
  await expect.poll(() => lines.count()).toBeLessThan(all)
  expect(await transcript.locator('mark').first().textContent()).toMatch(new RegExp(word, 'i'))
  const match = lines.filter({ hasText: third })
  const at = (await match.first().locator('.seek-item__time').textContent())!
  const [minutes, seconds] = at.split(':').map(Number)
  await page.evaluate(() => Object.assign(document.querySelector('video')!, { muted: true }))
  await match.first().click()
  await expect.poll(() => page.evaluate(() => Math.floor(document.querySelector('video')!.currentTime))).toBeGreaterThanOrEqual(minutes! * 60 + seconds!)
  expect(errors).toEqual([])
  expect(browser.pageErrors).toEqual([])
  await page.context().close()
})

test("a paid lesson's content never reaches a visitor's page", async () => {
  const page = await fetchPage(`/cursus/${COURSE}/les/${paidLesson.slug}`)
  expect(page.status).toBe(200)
  const [lesson] = await server.handle.db.select().from(lessons).where(eq(lessons.slug, paidLesson.slug))
  expect(lesson?.bodyMarkdown.length).toBeGreaterThan(60)
  // Neither the markup nor the embedded query cache holds the lesson's text or a video address.
  expect(page.html).not.toContain(lesson!.bodyMarkdown.slice(0, 60))
  expect(page.html).not.toContain('/media/')
  // The free preview, by contrast, carries its text (the same data the API gives a visitor).
  const [free] = await server.handle.db.select().from(lessons).where(eq(lessons.slug, freeLesson.slug))
  expect((await fetchPage(`/cursus/${COURSE}/les/${freeLesson.slug}`)).html).toContain(JSON.stringify(free!.bodyMarkdown.slice(0, 60)).slice(1, -1))
})

test('a request with a session cookie gets the plain shell, rendered in the browser as before', async () => {
  const page = await fetchPage('/prijzen', { cookie: 'jb_session=any-session' })
  expect(page.html).not.toContain('id="jb-ssr-state"')
  expect(page.html).toContain('<div id="root"></div>')
})

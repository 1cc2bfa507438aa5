import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { truncateAll } from '@jouwbot/db/testing'
import { RENDER_CACHE_TTL_MS, RENDERS_PER_SECOND, renderKey } from '@jouwbot/server/http/site/server-render'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { COURSE, seedPremiumCursus } from '../helpers/course.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * The cache of pages rendered for visitors (apps/server/src/http/site/render-cache.ts), through
 * the real app with a stand-in web build: its `entry-server.js` counts its renders and writes the
 * course outline the guest context answers into the page, so what a render saw is readable.
 */

interface Fake {
  renders: number
  mode: 'ok' | 'throw' | 'failedQuery' | 'notFound'
}
const fake: Fake = { renders: 0, mode: 'ok' }
;(globalThis as { __renderCacheFake?: Fake }).__renderCacheFake = fake

const ENTRY = `
export async function render(url, query, prefs) {
  const fake = globalThis.__renderCacheFake
  fake.renders++
  if (fake.mode === 'throw') throw new Error('render failed')
  if (fake.mode === 'notFound') return { html: 'weg', stateScript: '', status: 404 }
  let failed = ''
  if (fake.mode === 'failedQuery') await query('lesson.get', { courseSlug: 'bestaat-niet', lessonSlug: 'les' }).catch(() => (failed = 'failed'))
  const outline = await query('course.outline', { courseSlug: ${JSON.stringify(COURSE)} })
  const titles = outline.modules.flatMap((m) => m.lessons.map((l) => l.title))
  return { html: '<main>' + failed + titles.join('|') + '</main><p>' + prefs.language + (prefs.consentAnswered ? ' answered' : '') + '</p>', stateScript: '', status: 200 }
}
`

/** What fillShell fills in, as the web build writes it. */
const TEMPLATE = `<!doctype html><html lang="nl"><head>
<meta name="description" content="x" /><meta property="og:locale" content="nl_NL" /><title>Jouw Bot</title>
<script type="module" crossorigin src="/assets/index.js"></script>
</head><body><div id="root"></div></body></html>`

let dist: string
let server: TestServer
let seeded: Awaited<ReturnType<typeof seedPremiumCursus>>

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'jb-render-cache-'))
  dist = join(root, 'dist')
  mkdirSync(join(dist, '.vite'), { recursive: true })
  mkdirSync(join(root, 'dist-ssr'))
  writeFileSync(join(dist, 'index.html'), TEMPLATE)
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{}')
  writeFileSync(join(root, 'dist-ssr', 'entry-server.js'), ENTRY)
  server = await startTestServer({ webDist: dist })
})
afterAll(async () => {
  await server?.close()
  rmSync(join(dist, '..'), { recursive: true, force: true })
})
beforeEach(async () => {
  await truncateAll(server.handle)
  server.deps.courses.invalidate()
  seeded = await seedPremiumCursus(server.deps)
  fake.mode = 'ok'
  // A page cached by an earlier test is out of date by now (the clock only goes forward).
  server.deps.clock.advance(RENDER_CACHE_TTL_MS)
  fake.renders = 0
})

const visit = async (path: string, cookie?: string) => {
  const response = await fetch(`${server.url}${path}`, cookie ? { headers: { cookie } } : {})
  return { status: response.status, html: await response.text() }
}
const coursePage = `/cursus/${COURSE}`

describe('server rendering for visitors: the cache', () => {
  test('a second visitor of the same page gets the rendered page without a render; another page renders on its own', async () => {
    const first = await visit(coursePage)
    expect(first.html).toContain(`<div id="root"><main>${seeded.lessons[0]!.title}`)
    const second = await visit(coursePage)
    expect(second.html).toBe(first.html)
    expect(fake.renders).toBe(1)
    await visit('/prijzen')
    await visit('/prijzen')
    expect(fake.renders).toBe(2)
  })

  test('the page renders again once the TTL has passed', async () => {
    await visit(coursePage)
    server.deps.clock.advance(RENDER_CACHE_TTL_MS - 1)
    await visit(coursePage)
    expect(fake.renders).toBe(1)
    server.deps.clock.advance(1)
    await visit(coursePage)
    expect(fake.renders).toBe(2)
  })

  test("an admin's edit of a lesson title shows on the next visit, within the TTL", async () => {
    const member = await createMember(server.deps, { firstName: 'Admin' })
    await makeStaff(server.deps, member)
    const before = server.deps.clock.now()
    await visit(coursePage)
    await (await member.client.api()).admin.lessons.update({ lessonId: seeded.lessons[0]!.id, title: 'Nieuwe titel van les één' })
    const after = await visit(coursePage)
    expect(after.html).toContain('<main>Nieuwe titel van les één|')
    expect(fake.renders).toBe(2)
    expect(server.deps.clock.now()).toEqual(before) // shown by the edit, not by the TTL
  })

  test('a render that throws, fails a query or is not a 200 is not kept: the next visitor gets a fresh render', async () => {
    for (const mode of ['throw', 'failedQuery', 'notFound'] as const) {
      server.deps.clock.advance(RENDER_CACHE_TTL_MS) // the page the last round kept is out of date
      fake.mode = mode
      fake.renders = 0
      const failed = await visit(coursePage)
      expect(failed.status).toBe(200)
      if (mode === 'failedQuery') expect(failed.html).toContain('<main>failed')
      else expect(failed.html).toContain('<div id="root"></div>') // the plain shell
      fake.mode = 'ok'
      const next = await visit(coursePage)
      expect(next.html).toContain(`<main>${seeded.lessons[0]!.title}`)
      expect(fake.renders).toBe(2)
    }
  })

  test('a member gets the plain shell and never a cached render', async () => {
    await visit(coursePage)
    const { client } = await createMember(server.deps)
    const response = await fetch(`${server.url}${coursePage}`, { headers: { cookie: `jb_session=${client.token}` } })
    expect(await response.text()).toContain('<div id="root"></div>')
    expect(fake.renders).toBe(1)
  })

  test("the visitor's jb_prefs cookie is part of the key: each language and answer renders once; a malformed cookie is a first visit", async () => {
    expect((await visit(coursePage)).html).toContain('<p>nl</p>')
    expect((await visit(coursePage, 'jb_prefs=v1.c1.en')).html).toContain('<p>en answered</p>')
    expect((await visit(coursePage, 'jb_prefs=v1.c0.nl')).html).toContain('<p>nl</p>')
    expect(fake.renders).toBe(2) // v1.c0.nl is the default: the first render's page
    expect((await visit(coursePage, 'jb_prefs=v1.c1.en')).html).toContain('<p>en answered</p>')
    expect((await visit(coursePage, 'jb_prefs=v2.c1.en')).html).toContain('<p>nl</p>')
    expect(fake.renders).toBe(2)
  })

  test('pages not in the cache render at most RENDERS_PER_SECOND times a second; past that the plain shell goes out', async () => {
    const paths = Array.from({ length: RENDERS_PER_SECOND + 3 }, (_, i) => `${coursePage}?x=${i}`)
    const pages = await Promise.all(paths.map((path) => visit(path)))
    expect(fake.renders).toBe(RENDERS_PER_SECOND)
    const shell = paths.filter((_, i) => pages[i]!.html.includes('<div id="root"></div>'))
    expect(shell).toHaveLength(3)
    expect(pages.every((p) => p.status === 200)).toBe(true)
    // A page already rendered is served from the cache even when the budget is spent.
    expect((await visit(paths.find((path) => !shell.includes(path))!)).html).toContain('<main>')
    expect((await visit(shell[0]!)).html).toContain('<div id="root"></div>')
    server.deps.clock.advance(1_000)
    expect((await visit(shell[0]!)).html).toContain('<main>')
    expect(fake.renders).toBe(RENDERS_PER_SECOND + 1)
  })

  test('the key holds the path, the query, the language, the banner answer and phone or not', () => {
    const url = new URL('https://jouwbot.nl/prijzen')
    const base = { language: 'nl', consentAnswered: false, mobile: false } as const
    const keys = new Set([
      renderKey(url, base),
      renderKey(url, { ...base, language: 'en' }),
      renderKey(url, { ...base, consentAnswered: true }),
      renderKey(url, { ...base, mobile: true }),
      renderKey(new URL('https://jouwbot.nl/prijzen?a=1'), base),
      renderKey(new URL('https://jouwbot.nl/'), base),
    ])
    expect(keys.size).toBe(6)
  })
})

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { truncateAll } from '@jouwbot/db/testing'
import { demoPosts, seedBlog } from '@jouwbot/api/marketing/blog'
import { blogPosts, eq } from '@jouwbot/db'
import { insertPost } from '../helpers/blog.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  await truncateAll(server.handle)
})

/** A plain GET, as a crawler or a share preview does it: no JavaScript, no cookie. */
async function fetchText(path: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${server.url}${path}`)
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}

const meta = (page: string, property: string) => page.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`))?.[1]

describe('which posts the public sees', () => {
  test('a published post shows; a draft never; a scheduled post from its moment on', async () => {
    const deps = server.deps
    const published = await insertPost(deps, { title: 'Gepubliceerd' })
    const draft = await insertPost(deps, { title: 'Concept', status: 'draft', publishAt: null })
    const scheduled = await insertPost(deps, { title: 'Ingepland', status: 'scheduled', publishAt: new Date(deps.clock.now().getTime() + 2 * 3_600_000) })

    let index = await fetchText('/blog')
    expect(index.status).toBe(200)
    expect(index.text).toContain('Gepubliceerd')
    expect(index.text).not.toContain('Concept')
    expect(index.text).not.toContain('Ingepland')
    expect((await fetchText(`/blog/${published.slug}`)).status).toBe(200)
    expect((await fetchText(`/blog/${draft.slug}`)).status).toBe(404)
    expect((await fetchText(`/blog/${scheduled.slug}`)).status).toBe(404)
    expect((await fetchText('/blog/feed.xml')).text).not.toContain(scheduled.slug)

    deps.clock.advance(3 * 3_600_000)
    index = await fetchText('/blog')
    expect(index.text).toContain('Ingepland')
    expect((await fetchText(`/blog/${scheduled.slug}`)).status).toBe(200)
    expect((await fetchText('/blog/feed.xml')).text).toContain(scheduled.slug)
    expect((await fetchText(`/blog/${draft.slug}`)).status).toBe(404)
  })

  test('a tag page lists that tag’s posts; an unknown tag is a 404', async () => {
    await insertPost(server.deps, { title: 'Over Messenger', tags: ['messenger'] })
    await insertPost(server.deps, { title: 'Over verkopen', tags: ['verkopen'] })
    const page = await fetchText('/blog/tag/messenger')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Over Messenger')
    expect(page.text).not.toContain('Over verkopen')
    expect((await fetchText('/blog/tag/bestaat-niet')).status).toBe(404)
  })
})

describe('a post page without JavaScript', () => {
  test('is whole HTML with its title, description, canonical URL and OpenGraph tags', async () => {
    const post = await insertPost(server.deps, { title: 'Bots & "quotes" <script>', summary: 'Samenvatting voor previews.', tags: ['messenger'] })
    const page = await fetchText(`/blog/${post.slug}`)
    expect(page.status).toBe(200)
    expect(page.type).toContain('text/html')
    const canonical = `${server.url}/blog/${post.slug}`
    expect(page.text).toContain('<title>Bots &amp; &quot;quotes&quot; &lt;script&gt; — Jouw Bot</title>')
    expect(meta(page.text, 'description')).toBe('Samenvatting voor previews.')
    expect(page.text).toContain(`<link rel="canonical" href="${canonical}">`)
    expect(meta(page.text, 'og:title')).toBe('Bots &amp; &quot;quotes&quot; &lt;script&gt; — Jouw Bot')
    expect(meta(page.text, 'og:description')).toBe('Samenvatting voor previews.')
    expect(meta(page.text, 'og:url')).toBe(canonical)
    expect(meta(page.text, 'og:type')).toBe('article')
    expect(meta(page.text, 'article:published_time')).toBe(post.publishAt!.toISOString())
    // The body is rendered on the server: the text is there without any script running.
    expect(page.text).toContain('<h2>Stap 1</h2>')
    expect(page.text).toContain('<strong>Facebook-pagina</strong>')
    expect(page.text).toContain('<img src="/blog/images/schema.png" alt="Schema" loading="lazy" />')
  })

  test('loads no script, frame or stylesheet from another origin, and shares through plain links', async () => {
    const post = await insertPost(server.deps, { bodyMarkdown: 'Hallo <iframe src="https://evil.example"></iframe><script src="https://evil.example/x.js"></script>' })
    const page = await fetchText(`/blog/${post.slug}`)
    expect(page.text).not.toMatch(/<iframe/i)
    const scripts = [...page.text.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0])
    for (const tag of scripts) expect(tag).toMatch(/^<script src="\/[^/]/)
    expect(page.text).not.toMatch(/<script src="(https?:)?\/\//i)
    const styles = [...page.text.matchAll(/<link rel="stylesheet" href="([^"]*)"/g)].map((m) => m[1])
    expect(styles).toEqual(['/static/public-page.css'])
    const url = encodeURIComponent(`${server.url}/blog/${post.slug}`)
    expect(page.text).toContain(`href="https://www.facebook.com/sharer/sharer.php?u=${url}"`)
    expect(page.text).toContain(`href="https://www.linkedin.com/sharing/share-offsite/?url=${url}"`)
    expect(page.text).toMatch(/href="https:\/\/wa\.me\/\?text=/)
    expect(page.text).toContain(`href="fb-messenger://share/?link=${url}"`)
    expect(page.text).toContain('href="https://www.youtube.com/@jouwbot"')
    // The Web Share button stays hidden unless the (optional) script finds the API.
    expect(page.text).toMatch(/<button type="button" data-web-share [^>]*hidden>/)
    const response = await fetch(`${server.url}/blog/${post.slug}`)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  test('the blog index needs no JavaScript at all (0 bytes of initial script)', async () => {
    await insertPost(server.deps)
    const index = await fetchText('/blog')
    expect(index.text).not.toMatch(/<script/i)
    expect(meta(index.text, 'og:type')).toBe('website')
    expect(index.text).toContain(`<link rel="canonical" href="${server.url}/blog">`)
  })
})

describe('feed and sitemap', () => {
  test('the Atom feed is valid XML with one entry per published post', async () => {
    const one = await insertPost(server.deps, { title: 'Eén & twee <drie>' })
    const two = await insertPost(server.deps)
    await insertPost(server.deps, { status: 'draft', publishAt: null, title: 'Geheim concept' })
    const feed = await fetchText('/blog/feed.xml')
    expect(feed.type).toContain('application/atom+xml')
    expect(XMLValidator.validate(feed.text)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(feed.text) as {
      feed: { entry: { id: string; title: string }[] }
    }
    expect(parsed.feed.entry.map((e) => e.id).sort()).toEqual([`${server.url}/blog/${one.slug}`, `${server.url}/blog/${two.slug}`].sort())
    // The parser decodes the entities: the title went in escaped and comes out as written.
    expect(feed.text).toContain('<title>Eén &amp; twee &lt;drie&gt;</title>')
    expect(feed.text).not.toContain('Geheim concept')
  })

  test('the sitemap is valid XML with the posts and the public static pages', async () => {
    const post = await insertPost(server.deps, { tags: ['messenger'] })
    const draft = await insertPost(server.deps, { status: 'draft', publishAt: null })
    const sitemap = await fetchText('/sitemap.xml')
    expect(XMLValidator.validate(sitemap.text)).toBe(true)
    const parsed = new XMLParser().parse(sitemap.text) as { urlset: { url: { loc: string }[] } }
    const locs = parsed.urlset.url.map((u) => u.loc)
    expect(locs).toEqual(expect.arrayContaining([`${server.url}/`, `${server.url}/blog`, `${server.url}/prijzen`, `${server.url}/blog/${post.slug}`, `${server.url}/blog/tag/messenger`]))
    expect(locs).not.toContain(`${server.url}/blog/${draft.slug}`)
  })
})

describe('demo content', () => {
  test('the two Dutch demo posts are seeded once; a deleted one does not come back', async () => {
    expect(await seedBlog(server.deps)).toBe(true)
    const index = await fetchText('/blog')
    for (const post of demoPosts) expect(index.text).toContain(post.title)
    const page = await fetchText(`/blog/${demoPosts[1].slug}`)
    expect(page.text).toContain('<table>')
    await server.deps.db.delete(blogPosts).where(eq(blogPosts.slug, demoPosts[0].slug))
    expect(await seedBlog(server.deps)).toBe(false)
    expect((await fetchText(`/blog/${demoPosts[0].slug}`)).status).toBe(404)
  })
})

import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { truncateAll } from '@jouwbot/db/testing'
import { courseModules, lessons } from '@jouwbot/db'
import { createMember } from '../helpers/accounts.ts'
import { seedShopFixture, SHOP_COURSE, startBuying } from '../helpers/shop.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  // The built web client (apps/web/dist): the shell, the icons and the manifest come from it.
  server = await startTestServer({ payments: true })
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  await truncateAll(server.handle)
  server.deps.courses.invalidate()
})

/** A plain GET, as a crawler, a share preview or a browser without JavaScript does it. */
async function get(path: string): Promise<{ status: number; type: string; text: string; bytes: Buffer }> {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual' })
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: bytes.toString('utf8'), bytes }
}

const meta = (page: string, property: string) => page.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`))?.[1]
const noscript = (page: string) => page.match(/<noscript>([\s\S]*)<\/noscript>/)?.[1] ?? ''
/** What a reader without JavaScript gets: a visitor's public pages come server-rendered inside #root
 * (server-render.ts), the others carry their content in <noscript>. */
const readable = (page: string) => (page.match(/<div id="root">([\s\S]*?)<\/div>\s*<script type="application\/json"/)?.[1] ?? '') + noscript(page)

describe('real 404s', () => {
  test('a known SPA route answers 200 with the app shell; an unknown one 404 with the same shell', async () => {
    for (const path of ['/login', '/account/bestellingen', '/admin/bestellingen', '/coach/profiel', '/nieuwsbrief/een-nummer']) {
      const page = await get(path)
      expect(page.status, path).toBe(200)
      expect(page.text, path).toContain('<div id="root"></div>')
    }
    // The landing and price pages come server-rendered to a visitor (no session cookie).
    for (const path of ['/', '/prijzen']) {
      const page = await get(path)
      expect(page.status, path).toBe(200)
      expect(readable(page.text), path).toMatch(/<h1[^>]*>/)
    }
    for (const path of ['/bestaat-niet', '/admin/onbekend', '/cursus/premium-cursus/iets/anders', '/prijzen/extra', '/%E0%A4%A']) {
      const page = await get(path)
      expect(page.status, path).toBe(404)
      expect(page.type, path).toContain('text/html')
      // The SPA renders its own 404 design from the shell; without scripts the notice says it.
      expect(page.text, path).toContain('<div id="root"></div>')
      expect(noscript(page.text), path).toContain('Pagina niet gevonden')
      expect(meta(page.text, 'robots'), path).toBe('noindex')
    }
  })

  test('the shell tells the SPA a request came without a session (the cookie banner then needs no round trip)', async () => {
    const visitor = await get('/prijzen')
    expect(meta(visitor.text, 'jb-session')).toBe('none')
    // Whether the session is still valid is for the SPA to ask; a cookie alone means "ask".
    const withCookie = await fetch(`${server.url}/prijzen`, { headers: { cookie: 'jb_session=some-token' } })
    expect(meta(await withCookie.text(), 'jb-session')).toBeUndefined()
  })

  test('unknown /api and /trpc paths answer 404 JSON, never the app shell', async () => {
    for (const path of ['/api', '/api/', '/api/onbekend', '/api/stats/iets', '/trpc/bestaat.niet']) {
      const page = await get(path)
      expect(page.status, path).toBe(404)
      expect(page.type, path).toContain('application/json')
      expect(page.text, path).not.toContain('<div id="root">')
    }
  })

  test('a course page for a course that does not exist (or is not published) is a 404', async () => {
    await seedShopFixture(server.deps)
    expect((await get(`/cursus/${SHOP_COURSE}`)).status).toBe(200)
    expect((await get('/cursus/geen-cursus')).status).toBe(404)
  })

  test('the blog keeps its own server-rendered pages and statuses', async () => {
    const blog = await get('/blog')
    expect(blog.status).toBe(200)
    expect(blog.text).not.toContain('<div id="root">')
    expect((await get('/blog/bestaat-niet')).status).toBe(404)
    expect((await get('/sitemap.xml')).type).toContain('xml')
  })
})

describe('robots, icons and manifest', () => {
  test('robots.txt allows public pages, keeps crawlers out of member, staff, dev and signed pages, names the sitemap', async () => {
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.type).toContain('text/plain')
    const lines = robots.text.split('\n')
    expect(lines).toContain('User-agent: *')
    expect(lines).toContain('Allow: /')
    for (const path of ['/admin', '/account', '/dev', '/nieuwsbrief/afmelden', '/ebook/download', '/coaching', '/reset-password']) expect(lines).toContain(`Disallow: ${path}`)
    for (const path of ['/prijzen', '/blog', '/cursus', '/stappenplan']) expect(lines).not.toContain(`Disallow: ${path}`)
    expect(lines).toContain(`Sitemap: ${server.deps.appOrigin}/sitemap.xml`)
  })

  test('favicon.ico is a real icon, the touch icon a PNG, the manifest lists icons that exist', async () => {
    const ico = await get('/favicon.ico')
    expect(ico.status).toBe(200)
    expect(ico.type).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/)
    // ICONDIR: reserved 0, type 1 (icon), at least one image.
    expect(ico.bytes.readUInt16LE(0)).toBe(0)
    expect(ico.bytes.readUInt16LE(2)).toBe(1)
    expect(ico.bytes.readUInt16LE(4)).toBeGreaterThan(0)

    const touch = await get('/apple-touch-icon.png')
    expect(touch.status).toBe(200)
    expect(touch.type).toBe('image/png')
    expect(touch.bytes.subarray(1, 4).toString('latin1')).toBe('PNG')

    const shell = (await get('/')).text
    expect(shell).toContain('<link rel="manifest" href="/manifest.webmanifest"')
    expect(shell).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png"')
    const manifestResponse = await get('/manifest.webmanifest')
    expect(manifestResponse.status).toBe(200)
    expect(manifestResponse.type).toContain('manifest+json')
    const manifest = JSON.parse(manifestResponse.text) as { name: string; icons: { src: string; sizes: string; type: string }[] }
    expect(manifest.name).toBe('Jouw Bot')
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    for (const icon of manifest.icons) {
      const file = await get(icon.src)
      expect(file.status, icon.src).toBe(200)
      expect(file.type, icon.src).toContain(icon.type)
    }
  })
})

describe('public pages without JavaScript', () => {
  test('the landing page: its title, description, OpenGraph tags and the offer with prices', async () => {
    await seedShopFixture(server.deps)
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/<title>Jouw Bot — Bouw, verkoop en onderhoud winstgevende Messenger-chatbots<\/title>/)
    expect(meta(page.text, 'og:title')).toContain('Messenger-chatbots')
    expect(meta(page.text, 'og:url')).toBe(`${server.deps.appOrigin}/`)
    expect(meta(page.text, 'og:description')).toContain('stap voor stap')
    expect(page.text.match(/property="og:title"/g)).toHaveLength(1)
    const content = readable(page.text)
    expect(content).toMatch(/<h1[^>]*>Bouw, verkoop en onderhoud winstgevende Messenger-chatbots<\/h1>/)
    expect(content).toContain('href="/prijzen"')
    expect(content).toContain(`href="/cursus/${SHOP_COURSE}"`)
    expect(content).toMatch(/€\s?297,00/)
  })

  test('the price page lists every product with its price and buy link', async () => {
    await seedShopFixture(server.deps)
    const page = await get('/prijzen')
    expect(page.text).toContain('<title>Kies je pakket — Jouw Bot</title>')
    expect(meta(page.text, 'og:url')).toBe(`${server.deps.appOrigin}/prijzen`)
    const content = readable(page.text)
    expect(content).toMatch(/<h1[^>]*>Kies je pakket<\/h1>/)
    expect(content).toMatch(/€\s?297,00/)
    expect(content).toContain('href="/afrekenen/')
    expect(content).toContain('incl. 21% btw')
  })

  test('a visitor who chose English gets the head in English too, rendered or not', async () => {
    await seedShopFixture(server.deps)
    const english = { headers: { cookie: 'jb_prefs=v1.c1.en' } }
    const prices = await fetch(`${server.url}/prijzen`, english).then((r) => r.text())
    expect(prices).toContain('<html lang="en">')
    expect(prices).toContain('<title>Choose your package — Jouw Bot</title>')
    expect(meta(prices, 'og:title')).toBe('Choose your package — Jouw Bot')
    expect(meta(prices, 'og:locale')).toBe('en_GB')
    expect(prices.match(/property="og:locale"/g)).toHaveLength(1)
    expect(readable(prices)).toMatch(/<h1[^>]*>Choose your package<\/h1>/)
    expect(readable(prices)).not.toContain('Kies je pakket')
    // A page the server does not render: the head and the script-free notice in English.
    const ebook = await fetch(`${server.url}/stappenplan`, english).then((r) => r.text())
    expect(ebook).toContain('<html lang="en">')
    expect(meta(ebook, 'og:locale')).toBe('en_GB')
    expect(noscript(ebook)).toContain('This page needs JavaScript')
    // Without the cookie: Dutch.
    const dutch = (await get('/prijzen')).text
    expect(dutch).toContain('<html lang="nl">')
    expect(meta(dutch, 'og:locale')).toBe('nl_NL')
    expect(noscript((await get('/stappenplan')).text)).toContain('Deze pagina heeft JavaScript nodig')
  })

  test('the e-book page says what the free guide holds', async () => {
    const page = await get('/stappenplan')
    expect(meta(page.text, 'og:title')).toContain('Je eerste Messenger-chatbot in 5 minuten')
    expect(noscript(page.text)).toContain('Een checklist voor elke lancering')
  })

  test('the course sales page: title, summary, modules and lessons, price, escaped', async () => {
    const { courseId } = await seedShopFixture(server.deps)
    const [module] = await server.deps.db.insert(courseModules).values({ courseId, slug: 'bouwen', title: 'Bouwen <b>nu</b>', position: 0 }).returning()
    await server.deps.db.insert(lessons).values({ courseId, moduleId: module!.id, slug: 'intro', title: 'Je eerste bot', position: 0, freePreview: true, published: true })
    server.deps.courses.invalidate()
    const page = await get(`/cursus/${SHOP_COURSE}`)
    expect(page.text).toContain('<title>Premium Cursus — Jouw Bot</title>')
    expect(meta(page.text, 'og:description')).toBe('Chatbots bouwen en verkopen')
    expect(meta(page.text, 'og:url')).toBe(`${server.deps.appOrigin}/cursus/${SHOP_COURSE}`)
    const content = readable(page.text)
    expect(content).toContain('Bouwen &lt;b&gt;nu&lt;/b&gt;')
    expect(content).toMatch(/Je eerste bot<\/a><span class="badge[^"]*">Gratis voorbeeld</)
    expect(content).toMatch(/€\s?297,00/)
  })

  test('a page that needs a member says that it needs JavaScript, and the shell stays one document', async () => {
    const page = await get('/account')
    expect(noscript(page.text)).toContain('JavaScript')
    expect(page.text.match(/<div id="root"><\/div>/g)).toHaveLength(1)
    expect(page.text.match(/<title>/g)).toHaveLength(1)
  })
})

describe('product names in English', () => {
  test('an order line carries the Dutch description of the order and the product’s English name', async () => {
    await seedShopFixture(server.deps)
    const buyer = await createMember(server.deps, { firstName: 'Emma' })
    const { orderId } = await startBuying(buyer.client, 'premium-cursus')
    const api = await buyer.client.api()
    const [listed] = await api.checkout.myOrders()
    expect(listed!.lines.map((line) => [line.description, line.productNameEn])).toEqual([['Premium Cursus', 'Premium Course']])
    const order = await api.checkout.order({ orderId })
    expect(order.lines[0]).toMatchObject({ description: 'Premium Cursus', productNameEn: 'Premium Course' })
    // The price list the English checkout shows names the product the same way.
    const products = await api.checkout.products({ locale: 'en' })
    expect(products.find((p) => p.slug === 'premium-cursus')?.name).toBe('Premium Course')
  })
})

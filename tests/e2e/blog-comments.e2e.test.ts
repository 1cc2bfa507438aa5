/**
 * The blog in a real browser (Chromium) against the real server and built client:
 *  - a member logs in (SPA), comments on a post with the page's plain HTML form, sees it waiting for
 *    moderation, and deletes it again;
 *  - the post page, opened with JavaScript switched off, shows the article and its OpenGraph tags;
 *  - an admin writes an article with the live preview, publishes it and approves a first comment;
 *  - nothing is loaded from another origin and the CSP is never violated.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { blogComments } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { comment, insertPost } from '../helpers/blog.ts'
import { launchChromium, logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { PASSWORD } from '../helpers/accounts.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer
let browser: BrowserSession

beforeAll(async () => {
  server = await startTestServer()
  browser = await openBrowser(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

test('a member comments on a post and deletes the comment again', async () => {
  const post = await insertPost(server.deps, { title: 'Je eerste Messenger-bot', summary: 'In vijf minuten.' })
  const member = await createMember(server.deps, { firstName: 'Sanne' })
  const page = await browser.newDevice()
  const foreign: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url)) foreign.push(request.url())
  })

  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(member.email)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await page.getByRole('heading', { name: 'Hoi Sanne!' }).waitFor()

  await page.goto(`/blog/${post.slug}`)
  await page.getByRole('heading', { level: 1, name: 'Je eerste Messenger-bot' }).waitFor()
  await page.getByLabel('Je reactie').fill('Heel duidelijk uitgelegd, **dank je**!')
  await page.getByLabel('Mail me als iemand op mijn reactie antwoordt').check()
  // The form's signed stamp says when it was shown; the server's (test) clock moves on as a person types.
  server.deps.clock.advance(15_000)
  await page.getByRole('button', { name: 'Plaatsen' }).click()
  await page.getByText('Bedankt! Je reactie verschijnt zodra een moderator hem heeft goedgekeurd.').waitFor()
  const mine = page.locator('article.comment', { hasText: 'Heel duidelijk uitgelegd' })
  await mine.getByText('Wacht op goedkeuring').waitFor()
  expect(await mine.locator('strong', { hasText: 'dank je' }).count()).toBe(1)
  const [stored] = await server.deps.db.select().from(blogComments)
  expect(stored).toMatchObject({ body: 'Heel duidelijk uitgelegd, **dank je**!', notifyReplies: true, status: 'pending' })

  await mine.getByRole('button', { name: 'Verwijderen' }).click()
  await page.getByText('Je reactie is verwijderd.').waitFor()
  expect(await page.getByText('Heel duidelijk uitgelegd').count()).toBe(0)
  const [deleted] = await server.deps.db.select().from(blogComments)
  expect(deleted!.body).toBe('')
  expect(deleted!.deletedAt).not.toBeNull()

  expect(foreign).toEqual([])
  expect(browser.cspViolations, browser.cspViolations.join('\n')).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

test('with JavaScript off the post page shows the article and carries its OpenGraph tags', async () => {
  const post = await insertPost(server.deps, { title: 'Chatbots verkopen', summary: 'Zo maak je er een dienst van.' })
  const chromium = await launchChromium()
  try {
    const context = await chromium.newContext({ baseURL: server.url, javaScriptEnabled: false })
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    const response = await page.goto(`/blog/${post.slug}`)
    expect(response?.status()).toBe(200)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Chatbots verkopen')
    expect(await page.getByRole('heading', { level: 2, name: 'Stap 1' }).count()).toBe(1)
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Chatbots verkopen — Jouw Bot')
    expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toBe('Zo maak je er een dienst van.')
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(`${server.url}/blog/${post.slug}`)
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${server.url}/blog/${post.slug}`)
    expect(await page.locator('iframe').count()).toBe(0)
    expect(await page.getByRole('link', { name: 'LinkedIn' }).getAttribute('href')).toContain('linkedin.com/sharing/share-offsite')
    // Nothing of the SPA loads here; with scripts off the browser fetched no script at all.
    expect(scripts).toEqual([])
    await context.close()
  } finally {
    await chromium.close()
  }
})

test('an admin writes an article with a live preview, publishes it, and approves a first comment', async () => {
  const admin = await createMember(server.deps, { firstName: 'Robin' })
  const { secret } = await makeStaff(server.deps, admin)
  const page = await browser.newDevice()
  await logInStaff(page, { email: admin.email, firstName: 'Robin', secret }, server.deps.clock.now())

  await page.goto('/admin/blog')
  await page.getByRole('link', { name: 'Nieuw artikel' }).click()
  await page.getByLabel('Titel').fill('Bots voor de bakker')
  await page.getByLabel('Webadres (slug)').fill('bots-voor-de-bakker')
  await page.getByLabel('Samenvatting').fill('Bestellingen via Messenger.')
  await page.getByLabel('Tekst (markdown)').fill('## Waarom\n\nOmdat **klanten** appen. <script>alert(1)</script>')
  // The preview is the server's renderer: markdown as HTML, the script gone.
  const preview = page.locator('.blog-preview')
  await preview.getByRole('heading', { level: 2, name: 'Waarom' }).waitFor()
  expect(await preview.locator('strong').textContent()).toBe('klanten')
  expect(await preview.locator('script').count()).toBe(0)
  await page.getByLabel('Status').selectOption('published')
  await page.getByLabel('Publicatiemoment (Nederlandse tijd)').fill('2020-01-01T09:00')
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await page.getByText('Het artikel is opgeslagen.').waitFor()
  await page.getByRole('link', { name: 'Bekijk op de site' }).waitFor()

  const reader = await createMember(server.deps, { firstName: 'Lotte' })
  const post = (await (await reader.client.api()).blog.post({ slug: 'bots-voor-de-bakker' }))!
  const posted = await comment(server.deps, reader.client, post.id, 'Mijn bakker wil dit ook!')
  expect(posted.status).toBe('pending')

  await page.goto('/admin/reacties')
  const waiting = page.locator('.blog-queue__item', { hasText: 'Mijn bakker wil dit ook!' })
  await waiting.getByRole('button', { name: 'Goedkeuren' }).click()
  await page.getByText('De reactie is goedgekeurd.').waitFor()
  await page.getByText('Er wacht niets. Alle reacties zijn beoordeeld.').waitFor()

  const published = await (await fetch(`${server.url}/blog/bots-voor-de-bakker`)).text()
  expect(published).toContain('<h1>Bots voor de bakker</h1>')
  expect(published).toContain('Mijn bakker wil dit ook!')
  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

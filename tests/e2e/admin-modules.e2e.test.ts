/**
 * Admin: editing a module (title, summary) and moving a lesson to another module, in a real browser
 * against the real server (API + built client, in-memory database with the seeded Premium Cursus).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { premiumCursus } from '@jouwbot/course-content'
import { asc, courseModules, courses, eq, lessons } from '@jouwbot/db'
import type { Page } from 'playwright-core'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { logInStaff, openBrowser, type BrowserSession } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const COURSE = premiumCursus.slug
const [FIRST, SECOND] = premiumCursus.modules

let server: TestServer
let browser: BrowserSession
let page: Page

beforeAll(async () => {
  server = await startTestServer({ seedCourse: true })
  browser = await openBrowser(server.url)
  const admin = await createMember(server.deps, { firstName: 'Bram' })
  const { secret } = await makeStaff(server.deps, admin)
  page = await browser.newDevice()
  await logInStaff(page, { email: admin.email, firstName: 'Bram', secret }, server.deps.clock.now())
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const modulesOfCourse = async () => {
  const [course] = await server.handle.db.select().from(courses).where(eq(courses.slug, COURSE))
  return server.handle.db.select().from(courseModules).where(eq(courseModules.courseId, course!.id)).orderBy(asc(courseModules.position))
}

test("an admin edits a module's title and summary; an empty title is refused at the field", async () => {
  await page.goto(`/admin/cursussen/${COURSE}`)
  await page.getByRole('heading', { name: 'Modules en lessen' }).waitFor()
  const card = page.locator('.admin-module').first()
  const editButton = card.getByRole('button', { name: `Bewerken Module 1: ${FIRST!.title}` })
  await editButton.click()
  expect(await editButton.getAttribute('aria-expanded')).toBe('true')

  const title = card.getByLabel('Titel van de module')
  const summary = card.getByLabel('Korte samenvatting')
  expect(await title.inputValue()).toBe(FIRST!.title)
  expect(await summary.inputValue()).toBe(FIRST!.summary)

  // Validated with the shared schema before anything is sent: the field says why and gets focus.
  await title.fill('   ')
  await card.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await card.getByText('Dit is te kort.').waitFor()
  expect(await title.getAttribute('aria-invalid')).toBe('true')
  expect(await title.evaluate((el) => el === document.activeElement)).toBe(true)
  const describedBy = (await title.getAttribute('aria-describedby'))!.split(' ')
  expect(await page.locator(`[id="${describedBy.at(-1)}"]`).textContent()).toBe('Dit is te kort.')
  expect((await modulesOfCourse())[0]!.title).toBe(FIRST!.title)

  await title.fill('Fundamenten, strategie en eerste bot')
  await summary.fill('Wat een Messenger-bot wel en niet kan, en je eerste werkende bot in een middag.')
  await card.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await card.getByRole('status').getByText('Module opgeslagen.').waitFor()
  await card.getByRole('heading', { name: 'Module 1: Fundamenten, strategie en eerste bot' }).waitFor()
  await card.getByText('Wat een Messenger-bot wel en niet kan, en je eerste werkende bot in een middag.').waitFor()
  expect(await title.count()).toBe(0) // the form closed …
  const reopened = card.getByRole('button', { name: 'Bewerken Module 1: Fundamenten, strategie en eerste bot' })
  expect(await reopened.evaluate((el) => el === document.activeElement)).toBe(true) // … and focus is back on its button

  const [module] = await modulesOfCourse()
  expect(module).toMatchObject({ title: 'Fundamenten, strategie en eerste bot', summary: 'Wat een Messenger-bot wel en niet kan, en je eerste werkende bot in een middag.', slug: FIRST!.slug })

  // The public outline shows the new title.
  await page.goto(`/cursus/${COURSE}`)
  await page.getByText('Fundamenten, strategie en eerste bot').first().waitFor()
})

test('an admin moves a lesson to another module; a module that vanished meanwhile is refused at the select', async () => {
  const lessonTitle = FIRST!.lessons[1]!.title
  await page.goto(`/admin/cursussen/${COURSE}`)
  await page.locator('.admin-module').first().getByRole('link', { name: `Bewerken ${lessonTitle}` }).click()
  await page.getByRole('heading', { level: 1, name: lessonTitle }).waitFor()
  await page.getByText(`Les in ${(await modulesOfCourse())[0]!.title}`).waitFor()

  const section = page.getByRole('region', { name: 'Verplaatsen naar een andere module' })
  const select = section.getByLabel('Naar module')
  const options = await select.locator('option').allTextContents()
  expect(options).toEqual(premiumCursus.modules.slice(1).map((module, i) => `Module ${i + 2}: ${module.title}`))
  await select.selectOption({ label: `Module 2: ${SECOND!.title}` })
  await section.getByRole('button', { name: 'Les verplaatsen' }).click()
  await section.getByRole('status').getByText(`De les staat nu in ‘${SECOND!.title}’.`).waitFor()
  await page.getByText(`Les in ${SECOND!.title}`).waitFor()

  const modules = await modulesOfCourse()
  const [moved] = await server.handle.db.select().from(lessons).where(eq(lessons.title, lessonTitle))
  expect(moved!.moduleId).toBe(modules[1]!.id)
  const inSecond = await server.handle.db.select().from(lessons).where(eq(lessons.moduleId, modules[1]!.id)).orderBy(asc(lessons.position))
  expect(inSecond.at(-1)!.id).toBe(moved!.id) // last in its new module
  expect(inSecond.map((lesson) => lesson.position)).toEqual(inSecond.map((_, i) => i))
  // Now the first module is offered, the second (its own) is not.
  expect(await select.locator('option').first().textContent()).toMatch(/^Module 1: /)
  expect(await select.locator('option').allTextContents()).not.toContain(`Module 2: ${SECOND!.title}`)

  // An empty module that another admin deletes while this page is open.
  const [vanishing] = await server.handle.db
    .insert(courseModules)
    .values({ courseId: modules[0]!.courseId, slug: 'bijna-weg', title: 'Bijna weg', summary: '', position: modules.length })
    .returning()
  await page.reload()
  await section.getByLabel('Naar module').selectOption({ label: `Module ${modules.length + 1}: Bijna weg` })
  await server.handle.db.delete(courseModules).where(eq(courseModules.id, vanishing!.id))
  await section.getByRole('button', { name: 'Les verplaatsen' }).click()
  const error = 'Deze module bestaat niet (meer) in deze cursus.'
  await section.getByText(error).waitFor()
  const refused = section.getByLabel('Naar module')
  expect(await refused.getAttribute('aria-invalid')).toBe('true')
  expect(await refused.evaluate((el) => el === document.activeElement)).toBe(true)
  const describedBy = (await refused.getAttribute('aria-describedby'))!.split(' ')
  expect(await page.locator(`[id="${describedBy.at(-1)}"]`).textContent()).toBe(error)
  expect(await section.locator('[role="status"]').textContent()).toBe('') // no success notice (hidden while empty)
  const [still] = await server.handle.db.select().from(lessons).where(eq(lessons.id, moved!.id))
  expect(still!.moduleId).toBe(modules[1]!.id)

  expect(browser.cspViolations).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

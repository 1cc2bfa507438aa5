/**
 * pnpm bench:export — what "download my data" (issue 11 §7) costs for a member with a year of heavy
 * use, against a member with nothing, side by side. Not part of the test suite.
 *
 *   heavy    — progress on every lesson of the Premium Cursus, --orders paid orders (one course, the
 *              rest coaching sessions; each with its invoice, whose PDF the export renders or reuses),
 *              --comments blog comments spread over the year;
 *   empty    — a member who signed up and did nothing;
 *   select   — the baseline: a plain `select *` of the heavy member's rows in the same tables
 *              (users, orders, order_lines, payments, invoices, lesson_progress, blog_comments),
 *              what a pg_dump-style dump of her rows would read, nothing else.
 *
 * Each figure is the time of `buildPendingDataExports` for one archive (collect every registered
 * category, JSON per category, the HTML summary, invoice and certificate PDFs, ZIP to storage),
 * the median of --rounds runs.
 *
 *   pnpm bench:export [--orders 50] [--comments 200] [--rounds 3]
 *
 * PGlite in memory by default; TEST_DATABASE_URL=postgres://… runs it on PostgreSQL (a fresh database).
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { seedShop } from '@jouwbot/api/checkout'
import { buildPendingDataExports } from '@jouwbot/api/privacy'
import { DAY as DAY_MS } from '@jouwbot/auth'
import { blogComments, courses, dataExports, eq, inArray, invoices, lessonProgress, lessons, orderLines, orders, payments, rateLimits, users } from '@jouwbot/db'
import { createMember } from '../tests/helpers/accounts.ts'
import { insertPost } from '../tests/helpers/blog.ts'
import { COURSE } from '../tests/helpers/course.ts'
import { startBuying } from '../tests/helpers/shop.ts'
import { startTestServer } from '../tests/helpers/test-server.ts'

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '50' },
    comments: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
  },
})
const ORDERS = Number(args.orders)
const COMMENTS = Number(args.comments)
const ROUNDS = Number(args.rounds)

const server = await startTestServer({ webDist: null, payments: true, seedCourse: true })
const deps = server.deps
const db = deps.db
try {
  await seedShop(deps, COURSE)
  const [course] = await db.select().from(courses).where(eq(courses.slug, COURSE))
  const courseLessons = await db.select().from(lessons).where(eq(lessons.courseId, course!.id))

  console.log(`export bench: ${courseLessons.length} lessons, ${ORDERS} orders, ${COMMENTS} comments, ${ROUNDS} rounds, ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite (memory)'}`)

  // Her year: the rows are dated over the past year where the schema lets them be (the clock itself
  // stays put, so her session does not expire; invoices are dated the day they were issued).
  const yearStart = deps.clock.now().getTime() - 365 * DAY_MS
  const heavy = await createMember(deps, { firstName: 'Zwaar' })
  const [heavyUser] = await db.select().from(users).where(eq(users.email, heavy.email))
  for (let i = 0; i < ORDERS; i += 1) {
    // Her purchases are spread over a year; here they come in one go, past the per-member limit on payment starts.
    await db.delete(rateLimits)
    const bought = await startBuying(heavy.client, i === 0 ? COURSE : 'coachingsessie')
    await server.payments!.emulator.setPaymentStatus(bought.paymentId, 'paid')
    await server.payments!.emulator.webhooksIdle()
  }
  await db.insert(lessonProgress).values(
    courseLessons.map((lesson, i) => ({
      userId: heavyUser!.id,
      lessonId: lesson.id,
      courseId: course!.id,
      positionSeconds: 300,
      watchedRanges: [[0, 300]] as [number, number][],
      watchedSeconds: 300,
      completedAt: new Date(yearStart + i * DAY_MS),
      updatedAt: new Date(yearStart + i * DAY_MS),
    })),
  )
  const post = await insertPost(deps)
  await db.insert(blogComments).values(
    Array.from({ length: COMMENTS }, (_, i) => ({
      postId: post.id,
      authorId: heavyUser!.id,
      body: `Reactie ${i + 1}: dit werkte meteen voor mijn bot, dank je! Alleen stap 3 was lastig met een **zakelijke** pagina.`,
      status: 'approved' as const,
      createdAt: new Date(yearStart + Math.floor((i * 365 * DAY_MS) / COMMENTS)),
    })),
  )
  const invoiceCount = await db.$count(invoices, eq(invoices.userId, heavyUser!.id))
  if (invoiceCount !== ORDERS) throw new Error(`expected ${ORDERS} invoices, found ${invoiceCount}`)

  const empty = await createMember(deps, { firstName: 'Leeg' })

  async function timeExport(client: typeof heavy.client): Promise<number> {
    await (await client.api()).privacy.requestExport()
    const start = performance.now()
    const result = await buildPendingDataExports(deps, (_id, error) => {
      throw error
    })
    const seconds = (performance.now() - start) / 1000
    if (result.built !== 1) throw new Error(`expected one archive, built ${result.built}`)
    return seconds
  }

  async function timeSelect(): Promise<number> {
    const id = heavyUser!.id
    const start = performance.now()
    const orderIds = (await db.select({ id: orders.id }).from(orders).where(eq(orders.userId, id))).map((o) => o.id)
    await db.select().from(users).where(eq(users.id, id))
    await db.select().from(orders).where(eq(orders.userId, id))
    await db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds))
    await db.select().from(payments).where(inArray(payments.orderId, orderIds))
    await db.select().from(invoices).where(eq(invoices.userId, id))
    await db.select().from(lessonProgress).where(eq(lessonProgress.userId, id))
    await db.select().from(blogComments).where(eq(blogComments.authorId, id))
    return (performance.now() - start) / 1000
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  const figures = { heavy: [] as number[], empty: [] as number[], select: [] as number[] }
  for (let round = 0; round < ROUNDS; round += 1) {
    // One export a day per member: the previous round's archives are removed instead of moving the clock.
    await db.delete(dataExports)
    figures.heavy.push(await timeExport(heavy.client))
    figures.empty.push(await timeExport(empty.client))
    figures.select.push(await timeSelect())
  }
  const h = median(figures.heavy)
  const e = median(figures.empty)
  const s = median(figures.select)
  console.log('')
  console.log('| member | export archive (median) | plain select of her rows |')
  console.log('|---|---|---|')
  console.log(`| heavy: ${courseLessons.length} lessons, ${ORDERS} orders + invoices, ${COMMENTS} comments | ${(h * 1000).toFixed(0)} ms | ${(s * 1000).toFixed(1)} ms |`)
  console.log(`| nothing | ${(e * 1000).toFixed(0)} ms | — |`)
  console.log('')
  console.log(`heavy / nothing: ${(h / e).toFixed(1)}×   export / plain select (heavy): ${(h / s).toFixed(0)}×`)
} finally {
  await server.close()
}

/**
 * pnpm bench:export — what "download my data" (issue 11 §7) costs for a member with a year of heavy
 * use, against a member with nothing, side by side. Not part of the test suite.
 *
 *   heavy    — progress on every lesson of the Premium Cursus, --orders paid orders (one course, the
 *              rest coaching sessions; each with its invoice, whose PDF the export renders or reuses),
 *              the coaching credits those orders granted, --bookings sessions with a coach spread over
 *              the year (held, no-shows and cancellations, each spending or returning its credit in the
 *              ledger) plus --future bookings ahead made through bookSession, and --comments blog
 *              comments spread over the year;
 *   empty    — a member who signed up and did nothing;
 *   select   — the baseline: a plain `select *` of the heavy member's rows in the same tables
 *              (users, orders, order_lines, payments, invoices, lesson_progress, blog_comments,
 *              coaching_bookings, coaching_credits, coaching_credit_units),
 *              what a pg_dump-style dump of her rows would read, nothing else.
 *
 * Each figure is the time of `buildPendingDataExports` for one archive (collect every registered
 * category, JSON per category, the HTML summary, invoice and certificate PDFs, ZIP to storage),
 * the median of --rounds runs.
 *
 *   pnpm bench:export [--orders 50] [--bookings 40] [--future 5] [--comments 200] [--rounds 3]
 *
 * PGlite in memory by default; TEST_DATABASE_URL=postgres://… runs it on PostgreSQL (a fresh database).
 */
// First: TMPDIR for the test helpers' temp folders (tests/helpers/deps.ts makes one on import).
import './cleanup.ts'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { seedShop } from '@jouwbot/api/checkout'
import { bookSession } from '@jouwbot/api/coaching'
import { buildPendingDataExports } from '@jouwbot/api/privacy'
import { DAY as DAY_MS } from '@jouwbot/auth'
import {
  and,
  asc,
  blogComments,
  coachingBookings,
  coachingCreditUnits,
  coachingCredits,
  courses,
  dataExports,
  eq,
  inArray,
  invoices,
  isNull,
  lessonProgress,
  lessons,
  orderLines,
  orders,
  payments,
  rateLimits,
  users,
} from '@jouwbot/db'
import { createMember } from '../tests/helpers/accounts.ts'
import { insertPost } from '../tests/helpers/blog.ts'
import { insertCoach, weekdayAt } from '../tests/helpers/coaching.ts'
import { COURSE } from '../tests/helpers/course.ts'
import { startBuying } from '../tests/helpers/shop.ts'
import { startTestServer } from '../tests/helpers/test-server.ts'

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '50' },
    comments: { type: 'string', default: '200' },
    bookings: { type: 'string', default: '40' },
    future: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
  },
})
const ORDERS = Number(args.orders)
const COMMENTS = Number(args.comments)
const BOOKINGS = Number(args.bookings)
const FUTURE = Number(args.future)
const ROUNDS = Number(args.rounds)

const server = await startTestServer({ webDist: null, payments: true, seedCourse: true })
const deps = server.deps
const db = deps.db
try {
  await seedShop(deps, COURSE)
  const [course] = await db.select().from(courses).where(eq(courses.slug, COURSE))
  const courseLessons = await db.select().from(lessons).where(eq(lessons.courseId, course!.id))

  console.log(`export bench: ${courseLessons.length} lessons, ${ORDERS} orders, ${BOOKINGS} + ${FUTURE} bookings, ${COMMENTS} comments, ${ROUNDS} rounds, ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite (memory)'}`)

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

  // Her coaching: the credits her coaching orders granted, spent on sessions over the past year (direct
  // rows in the ledger's shape: bookSession only books ahead) and on a few sessions ahead (bookSession).
  const { coach, type } = await insertCoach(deps)
  const units = await db
    .select()
    .from(coachingCreditUnits)
    .where(and(eq(coachingCreditUnits.userId, heavyUser!.id), isNull(coachingCreditUnits.bookingId)))
    .orderBy(asc(coachingCreditUnits.grantedAt))
  if (units.length < BOOKINGS + FUTURE) throw new Error(`expected at least ${BOOKINGS + FUTURE} coaching credits from her orders, found ${units.length}`)
  const outcomes = ['held', 'held', 'held', 'held', 'held', 'held', 'member_no_show', 'canceled'] as const
  for (let i = 0; i < BOOKINGS; i += 1) {
    const startsAt = new Date(yearStart + Math.floor((i * 360 * DAY_MS) / BOOKINGS) + 10 * 3_600_000)
    const status = outcomes[i % outcomes.length]!
    const canceled = status === 'canceled'
    const [booking] = await db
      .insert(coachingBookings)
      .values({
        coachId: coach.id,
        memberId: heavyUser!.id,
        sessionTypeId: type.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        status,
        credits: 1,
        topic: `Sessie ${i + 1}: de flow voor nieuwe klanten en de koppeling met mijn webshop`,
        idempotencyKey: `bench-${i}`,
        createdAt: new Date(startsAt.getTime() - 3 * DAY_MS),
        updatedAt: startsAt,
        canceledAt: canceled ? new Date(startsAt.getTime() - 2 * DAY_MS) : null,
        canceledBy: canceled ? heavyUser!.id : null,
        cancelReason: canceled ? 'member' : null,
        creditReturned: canceled,
        coachNote: canceled ? '' : 'Stap 3 nog eens samen doorlopen.',
        sharedSummary: canceled ? '' : 'We hebben de welkomstflow en de koppeling doorgenomen.',
      })
      .returning()
    await db.insert(coachingCredits).values({ userId: heavyUser!.id, delta: -1, reason: 'booking', bookingId: booking!.id, createdAt: booking!.createdAt })
    if (canceled) {
      await db.insert(coachingCredits).values({ userId: heavyUser!.id, delta: 1, reason: 'booking_canceled', bookingId: booking!.id, createdAt: booking!.canceledAt! })
    } else {
      // (the balance follows the ledger by the coaching_credits_apply trigger)
      await db.update(coachingCreditUnits).set({ bookingId: booking!.id, spentAt: booking!.createdAt }).where(eq(coachingCreditUnits.id, units[i]!.id))
    }
  }
  for (let i = 0; i < FUTURE; i += 1) {
    await bookSession(deps, {
      memberId: heavyUser!.id,
      coachId: coach.id,
      sessionTypeId: type.id,
      startsAt: weekdayAt(deps.clock.now(), 3, 10 + i),
      topic: `Vooruit geboekt ${i + 1}`,
      lessonId: null,
      // Her latest coaching orders are still in their withdrawal period: she asks to start anyway.
      expressStartRequested: true,
      idempotencyKey: `bench-future-${i}`,
    })
  }
  const bookingCount = await db.$count(coachingBookings, eq(coachingBookings.memberId, heavyUser!.id))
  const ledgerCount = await db.$count(coachingCredits, eq(coachingCredits.userId, heavyUser!.id))
  console.log(`her coaching: ${units.length} credits granted by her orders, ${bookingCount} bookings, ${ledgerCount} ledger rows`)

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
    await db.select().from(coachingBookings).where(eq(coachingBookings.memberId, id))
    await db.select().from(coachingCredits).where(eq(coachingCredits.userId, id))
    await db.select().from(coachingCreditUnits).where(eq(coachingCreditUnits.userId, id))
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
  console.log(`| heavy: ${courseLessons.length} lessons, ${ORDERS} orders + invoices, ${bookingCount} bookings, ${ledgerCount} credit rows, ${COMMENTS} comments | ${(h * 1000).toFixed(0)} ms | ${(s * 1000).toFixed(1)} ms |`)
  console.log(`| nothing | ${(e * 1000).toFixed(0)} ms | — |`)
  console.log('')
  console.log(`heavy / nothing: ${(h / e).toFixed(1)}×   export / plain select (heavy): ${(h / s).toFixed(0)}×`)
} finally {
  await server.close()
}

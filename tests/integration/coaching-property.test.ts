/**
 * Issue 10 §6, the property test: fast-check plays random sequences of purchases, refunds, bookings,
 * reschedules, cancels and no-shows (and the clock moving on) through the real services, and shrinks a
 * failure to its shortest sequence. After every step every member's balance equals the ledger's sum and
 * the credits they can spend, is never below zero, and no two live bookings of a coach (or of a member)
 * overlap; the only refusals allowed are the services' own AppErrors. CI runs a few sequences;
 * `pnpm bench:coaching-property` runs 1,000. Replay: PROPERTY_SEED / PROPERTY_PATH, or
 * PROPERTY_EXAMPLE='<the counterexample's JSON>' once the generators have changed.
 */
import { loadavg } from 'node:os'
import { expect, test } from 'vitest'
import fc from 'fast-check'
import { coachingBookings } from '@jouwbot/db'
import { truncateUsed } from '@jouwbot/db/testing'
import { AppError } from '@jouwbot/shared'
import { budget } from '../helpers/budget.ts'
import { checkInvariants, playStep, setUpWorld, steps, type Step } from '../helpers/coaching-model.ts'
import { makeDeps } from '../helpers/deps.ts'
import { assertProperty, propertyParameters } from '../helpers/property.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

const db = useTestDatabase()

/** Per sequence (up to 60 steps) on a loaded 2-core machine, with a wide margin (a ceiling against hanging, not a speed claim). */
const PER_RUN_MS = 20_000
const CI_RUNS = 12
const runs = Number(process.env.PROPERTY_RUNS ?? CI_RUNS)
/** Runs, then shrinking (as many sequences again, at most 2 minutes more), then the report. */
const timeout = budget(30_000 + runs * PER_RUN_MS * 2 + 120_000)
const parameters = propertyParameters<[Step[]]>(CI_RUNS, { timeLimitMs: timeout - budget(20_000) })
// A counterexample as printed (its JSON), replayed first even after the generators changed.
if (process.env.PROPERTY_EXAMPLE) parameters.examples = [[JSON.parse(process.env.PROPERTY_EXAMPLE) as Step[]]]

test('coaching credits and bookings in any order: balances equal the ledger, never negative, no overlapping sessions', async () => {
  const startedAt = performance.now()
  /** What the sequences did, to show that they exercise the services (refusals by message). */
  const counts: Record<string, number> = {}
  const refused: Record<string, number> = {}
  const reached = { sequences: 0, booked: 0, leftBooked: 0, bookings: 0 }
  const property = fc.asyncProperty(steps, async (sequence) => {
    await truncateUsed(db())
    const deps = makeDeps(db())
    const world = await setUpWorld(deps)
    for (const [i, s] of sequence.entries()) {
      try {
        await playStep(deps, world, s)
        counts[s.kind] = (counts[s.kind] ?? 0) + 1
      } catch (error) {
        // Refusals are part of the game (no credit, slot gone, too late, …); anything else is a bug.
        if (!(error instanceof AppError)) throw error
        refused[`${s.kind}:${error.message}`] = (refused[`${s.kind}:${error.message}`] ?? 0) + 1
      }
      await checkInvariants(deps, world, `step ${i} (${JSON.stringify(s)})`)
    }
    const all = await deps.db.select({ status: coachingBookings.status }).from(coachingBookings)
    reached.sequences += 1
    reached.bookings += all.length
    reached.booked += Number(all.length > 0)
    reached.leftBooked += Number(all.some((b) => b.status !== 'booked'))
  })
  await assertProperty(property, parameters)
  const report = JSON.stringify({ reached, counts, refused })
  if (process.env.PROPERTY_RUNS) {
    const ms = performance.now() - startedAt
    const load = loadavg().map((l) => l.toFixed(2)).join(' ')
    console.log(`coaching property: ${parameters.numRuns} sequences in ${(ms / 1000).toFixed(1)} s (${(ms / parameters.numRuns).toFixed(1)} ms per sequence), load ${load}`)
    console.log(report)
  }
  // The sequences did something: sessions were booked and left the booked state in some way (not
  // asked of one replayed counterexample).
  if (!process.env.PROPERTY_PATH) {
    expect(reached.bookings, report).toBeGreaterThanOrEqual(3)
    expect(reached.leftBooked, report).toBeGreaterThan(0)
  }
}, timeout)

import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** Marks one-time seed steps (admin account, demo content) as done. */
export const seedRuns = pgTable('seed_runs', {
  name: text().primaryKey(),
  ranAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

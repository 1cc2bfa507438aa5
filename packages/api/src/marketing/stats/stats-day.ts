import { createHash, randomBytes } from 'node:crypto'
import { eq, lt, statSalts, type DbOrTx } from '@jouwbot/db'

/** Statistics count calendar days in Europe/Amsterdam (the salt, the roll-up and the dashboard alike). */
export function statsDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

/** `YYYY-MM-DD` plus `days` (negative: earlier), in calendar terms. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * The salt of `day`: made (32 random bytes) on the first visit of the day, stored so every server
 * process hashes alike, and deleted once the day is over (at the first visit of a later day, and by
 * the roll-up job). Without it a hash can be neither recomputed nor linked to another day's.
 */
export async function saltOfDay(db: DbOrTx, day: string, now: Date): Promise<string> {
  const [made] = await db
    .insert(statSalts)
    .values({ day, salt: randomBytes(32).toString('hex'), createdAt: now })
    .onConflictDoNothing()
    .returning({ salt: statSalts.salt })
  if (made) {
    await deletePastSalts(db, day)
    return made.salt
  }
  const [row] = await db.select({ salt: statSalts.salt }).from(statSalts).where(eq(statSalts.day, day)).limit(1)
  return row!.salt
}

/** Deletes the salts of every day before `today`: their hashes can no longer be recomputed. */
export async function deletePastSalts(db: DbOrTx, today: string): Promise<number> {
  return (await db.delete(statSalts).where(lt(statSalts.day, today)).returning({ day: statSalts.day })).length
}

/** Plausible's visitor id: hash(salt of the day + site + IP + user agent), 128 bits in hex. */
export function visitorHash(input: { salt: string; site: string; ip: string; userAgent: string }): string {
  return createHash('sha256').update(`${input.salt}\u0000${input.site}\u0000${input.ip}\u0000${input.userAgent}`).digest('hex').slice(0, 32)
}

// Crawlers, link previews, monitors, scripts and headless browsers: not people reading a page.
const BOTS =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|facebookcatalog|embedly|quora link preview|whatsapp|telegram|skype|bitlybot|vkshare|headless|phantomjs|lighthouse|pagespeed|pingdom|uptime|monitor|curl\/|wget|python|httpclient|http-client|go-http|java\/|okhttp|node-fetch|undici|axios|postman|insomnia|scrapy|preview/i

export function isBot(userAgent: string): boolean {
  return userAgent.trim().length < 10 || BOTS.test(userAgent)
}

/** The host name of a referrer (URL or bare host), lower case; null for our own site or nonsense. */
export function referrerHost(referrer: string | undefined, ownHost: string): string | null {
  if (!referrer) return null
  let host = referrer.trim().toLowerCase()
  try {
    if (host.includes('://')) host = new URL(host).hostname
  } catch {
    return null
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '')
  if (!/^[a-z0-9.-]{1,253}$/.test(host) || !host.includes('.')) return null
  if (host === ownHost.replace(/^www\./, '')) return null
  return host
}

/** The first path segment (`/blog/mijn-post` → `/blog`), for sections like the blog in the funnel. */
export function sectionOf(path: string): string {
  const segment = path.split('/')[1] ?? ''
  return `/${segment}`
}

import { consumeRateLimit } from '@jouwbot/auth'
import { statEvents } from '@jouwbot/db'
import type { PageViewInput } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { mayProcess } from '../../privacy/get-privacy-settings.ts'
import { isBot, referrerHost, saltOfDay, statsDay, visitorHash } from './stats-day.ts'
import { cookielessCountingAnnounced } from './statistics-policy.ts'

/** One browser may send this many page views a minute; more is a script, not a reader. */
export const pageViewRateLimit = { name: 'stats:pageview:ip', limit: 60, windowSeconds: 60 }

export interface RecordPageViewInput extends PageViewInput {
  ip: string
  userAgent: string
  /** `DNT: 1` or `Sec-GPC: 1`. */
  optedOut: boolean
  /** The signed-in member, if any: only to ask whether they objected. Never stored. */
  userId: string | null
}

export type PageViewOutcome = 'recorded' | 'optedOut' | 'bot' | 'objected' | 'noConsent' | 'ignoredPath' | 'throttled'

/** Staff screens and the development mailbox are not part of the public site. */
const IGNORED = /^\/(admin|dev)(\/|$)/

/**
 * Path segments that identify someone or something private (order ids, certificate codes, tokens):
 * counted under a placeholder, so a path never carries an identifier into the statistics.
 */
function normalisePath(path: string): string {
  const segments = path.split('/').map((segment, index) => {
    if (index === 0 || segment === '') return segment
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) return ':id'
    if (segment.length >= 8 && /\d/.test(segment) && /^[A-Za-z0-9_-]+$/.test(segment) && !segment.includes('-')) return ':id'
    return segment
  })
  const joined = segments.join('/')
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined
}

/**
 * A page view from the beacon. Nothing is stored for a browser that asks not to be tracked (DNT/GPC),
 * for bots, for a member who objected to statistics, or without consent while the privacy statement
 * in force promises statistics only with consent (`statistics-policy.ts`); otherwise one row: the path, the referring
 * host, and a hash of (salt of the day, site, IP, user agent) — no IP address, no cookie, no account.
 */
export async function recordPageView(deps: Pick<AppDeps, 'db' | 'clock' | 'appOrigin' | 'pseudonymize'>, input: RecordPageViewInput): Promise<PageViewOutcome> {
  if (input.optedOut) return 'optedOut'
  if (isBot(input.userAgent)) return 'bot'
  const path = normalisePath(input.path)
  if (IGNORED.test(path)) return 'ignoredPath'
  const now = deps.clock.now()
  // The rate-limit key is an HMAC of the address, like every other counter (rate_limits in the registry).
  const limit = await consumeRateLimit(deps.db, pageViewRateLimit, deps.pseudonymize(`ip:${input.ip}`), now)
  if (!limit.allowed) return 'throttled'
  if (input.userId && !(await mayProcess(deps.db, input.userId, 'statistics'))) return 'objected'
  // Without the visitor's consent only once the statement in force says we count without it.
  if (!input.consent && !(await cookielessCountingAnnounced(deps.db, now))) return 'noConsent'

  const site = new URL(deps.appOrigin).host
  const day = statsDay(now)
  const salt = await saltOfDay(deps.db, day, now)
  await deps.db.insert(statEvents).values({
    name: 'pageview',
    occurredAt: now,
    day,
    path,
    referrerHost: referrerHost(input.referrer, new URL(deps.appOrigin).hostname),
    visitorHash: visitorHash({ salt, site, ip: input.ip, userAgent: input.userAgent }),
  })
  return 'recorded'
}

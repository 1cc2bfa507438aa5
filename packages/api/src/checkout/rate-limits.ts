import type { RateLimitRule } from '@jouwbot/auth'

/** The checkout's throttles (counted in PostgreSQL, like the account flows' in auth/rate-limits.ts). */
export const checkoutRateLimits = {
  /** `checkout.start` and `checkout.retry` each open a Mollie payment: a member gets this many per window. */
  paymentStartsPerMember: { name: 'checkout:start:member', limit: 10, windowSeconds: 10 * 60 },
  /**
   * Webhooks for ids we never stored are looked up at Mollie only while one of our create calls is
   * under way, and then at most this often for the whole shop: random `tr_…` ids cannot make us call
   * Mollie once per post. A legitimate early webhook over the limit is answered 503 and Mollie retries.
   */
  unknownWebhookLookups: { name: 'checkout:webhook:unknown', limit: 20, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>

import { createHash } from 'node:crypto'
import type { PaymentMode } from '../gateway.ts'
import { MollieApiProblem } from './errors.ts'

const API_KEY = /^(test|live)_[A-Za-z0-9]{30,}$/

export interface Caller {
  mode: PaymentMode
  /** SHA-256 of the key: what idempotency records are scoped by. */
  scope: string
}

/**
 * `Authorization: Bearer test_…` (test mode) or `live_…` (live mode), at least 30 alphanumerics after the
 * prefix, as Mollie's API keys are. With `acceptedKeys` only those keys pass; otherwise any well-formed one.
 */
export function authenticate(header: string | undefined, acceptedKeys: readonly string[] | undefined): Caller {
  const match = /^Bearer (\S+)$/.exec(header ?? '')
  const key = match?.[1]
  const mode = key ? API_KEY.exec(key)?.[1] : undefined
  if (!key || !mode || (acceptedKeys && !acceptedKeys.includes(key))) {
    throw new MollieApiProblem(401, 'Missing authentication, or failed to authenticate')
  }
  return { mode: mode as PaymentMode, scope: createHash('sha256').update(key).digest('hex') }
}

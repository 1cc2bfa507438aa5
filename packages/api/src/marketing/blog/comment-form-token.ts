import { timingSafeEqual } from 'node:crypto'
import { AppError } from '@jouwbot/shared'
import type { AppDeps } from '../../deps.ts'
import { blogRules } from './blog-rules.ts'

type TokenDeps = Pick<AppDeps, 'clock' | 'pseudonymize'>

const sign = (deps: TokenDeps, issuedAt: number) => deps.pseudonymize(`blog-comment-form:${issuedAt}`)

/** A signed "this form was shown at" stamp: the time-to-submit rule checks it. */
export function issueCommentFormToken(deps: TokenDeps): string {
  const issuedAt = deps.clock.now().getTime()
  return `${issuedAt}.${sign(deps, issuedAt)}`
}

/** Refuses a forged or stale token and a form sent faster than a person types. */
export function checkCommentFormToken(deps: TokenDeps, token: string): void {
  const [stamp, signature] = token.split('.')
  const issuedAt = Number(stamp)
  if (!stamp || !signature || !Number.isSafeInteger(issuedAt)) throw new AppError('BAD_REQUEST', 'blog.formExpired')
  const expected = Buffer.from(sign(deps, issuedAt))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('BAD_REQUEST', 'blog.formExpired')
  const age = deps.clock.now().getTime() - issuedAt
  if (age > blogRules.formTokenMaxAgeMs || age < -60_000) throw new AppError('BAD_REQUEST', 'blog.formExpired')
  if (age < blogRules.minimumFillMs) throw new AppError('BAD_REQUEST', 'blog.tooFast')
}

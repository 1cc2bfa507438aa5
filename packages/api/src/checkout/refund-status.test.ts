import { describe, expect, test } from 'vitest'
import { isFinalRefund, refundMayMove } from './refund-status.ts'

type Status = Parameters<typeof refundMayMove>[0]
const ALL: Status[] = ['requested', 'queued', 'pending', 'processing', 'refunded', 'failed', 'canceled']

describe('refund statuses follow Mollie’s lifecycle', () => {
  test('refunded, failed and canceled are final: nothing moves a refund on from them', () => {
    expect(ALL.filter(isFinalRefund)).toEqual(['refunded', 'failed', 'canceled'])
    for (const from of ['refunded', 'failed', 'canceled'] as const) for (const to of ALL) expect([from, to, refundMayMove(from, to)]).toEqual([from, to, false])
  })

  test('on the way, a refund moves forward only; old news is ignored', () => {
    expect(refundMayMove('requested', 'queued')).toBe(true)
    expect(refundMayMove('queued', 'pending')).toBe(true)
    expect(refundMayMove('pending', 'processing')).toBe(true)
    expect(refundMayMove('processing', 'refunded')).toBe(true)
    expect(refundMayMove('processing', 'failed')).toBe(true)
    expect(refundMayMove('pending', 'canceled')).toBe(true)
    // A list read before the last webhook committed: older than what we have.
    expect(refundMayMove('processing', 'pending')).toBe(false)
    expect(refundMayMove('pending', 'queued')).toBe(false)
    expect(refundMayMove('pending', 'pending')).toBe(false)
  })
})

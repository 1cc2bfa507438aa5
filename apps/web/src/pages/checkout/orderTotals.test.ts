import { describe, expect, test } from 'vitest'
import nl from '../../i18n/nl.json'
import { netPaidCents, totalLabelKey } from './orderTotals.ts'

const text = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], nl)

describe('the order total’s label', () => {
  test('says paid only on a paid order', () => {
    expect(text(totalLabelKey('paid'))).toBe('Totaal betaald')
    for (const status of ['failed', 'canceled', 'expired'] as const) {
      expect(text(totalLabelKey(status))).not.toMatch(/betaald$/)
      expect(text(totalLabelKey(status))).toMatch(/niet betaald/)
    }
    expect(text(totalLabelKey('open'))).toBe('Totaal te betalen')
    expect(text(totalLabelKey('pending'))).toBe('Totaal te betalen')
  })

  test('a refunded order shows what was paid on balance', () => {
    const paid = { status: 'paid' as const, totalCents: 29_700, refundedCents: 0, chargedBackCents: 0 }
    expect(netPaidCents(paid)).toBeNull()
    expect(netPaidCents({ ...paid, refundedCents: 10_000 })).toBe(19_700)
    expect(netPaidCents({ ...paid, refundedCents: 29_700 })).toBe(0)
    expect(netPaidCents({ ...paid, status: 'failed' })).toBeNull()
  })
})

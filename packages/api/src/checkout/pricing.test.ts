import { describe, expect, test } from 'vitest'
import { discountFor, MINIMUM_CHARGE_CENTS, priceOrder, splitRefund, vatIncluded } from './pricing.ts'

const course = { id: 'p1', name: 'Premium Cursus', priceCents: 29_700, vatRateBasisPoints: 2100, courseId: 'c1', coachingCredits: 0 }

describe('pricing', () => {
  test('21 % VAT is taken out of the consumer price, rounded to the cent', () => {
    expect(priceOrder(course, null, { reverseCharge: false })).toMatchObject({ totalCents: 29_700, totalExclCents: 24_545, totalVatCents: 5_155, discountCents: 0 })
    expect(vatIncluded(121, 2100)).toBe(21)
    expect(vatIncluded(1, 2100)).toBe(0)
  })

  test('coupons: percentage and fixed, never below the minimum charge', () => {
    expect(discountFor(29_700, { kind: 'percent', percentOff: 10 })).toBe(2_970)
    expect(discountFor(29_700, { kind: 'amount', amountOffCents: 5_000 })).toBe(5_000)
    expect(discountFor(29_700, { kind: 'percent', percentOff: 100 })).toBe(29_700 - MINIMUM_CHARGE_CENTS)
    expect(discountFor(14_900, { kind: 'amount', amountOffCents: 50_000 })).toBe(14_900 - MINIMUM_CHARGE_CENTS)
  })

  test('reverse charge: the buyer pays the price excl. VAT and the line shows 0 %', () => {
    const priced = priceOrder(course, { kind: 'percent', percentOff: 10 }, { reverseCharge: true })
    expect(priced.lines[0]).toMatchObject({ vatRateBasisPoints: 0, vatCents: 0, amountExclCents: 22_091, amountCents: 22_091 })
    expect(priced.totalCents).toBe(priced.totalExclCents)
  })

  test('every amount adds up: excl. + VAT = total, for any price and discount', () => {
    for (let price = 100; price < 100_000; price += 997) {
      for (const percentOff of [0, 7, 33, 99]) {
        const priced = priceOrder({ ...course, priceCents: price }, percentOff ? { kind: 'percent', percentOff } : null, { reverseCharge: false })
        expect(priced.totalExclCents + priced.totalVatCents).toBe(priced.totalCents)
        expect(priced.totalCents).toBeGreaterThanOrEqual(MINIMUM_CHARGE_CENTS)
      }
    }
    expect(splitRefund(10_000, 2100)).toEqual({ exclCents: 8_264, vatCents: 1_736 })
  })
})

import { describe, expect, test } from 'vitest'
import { xAccelExpires } from './media-delivery.ts'

describe('xAccelExpires: the last whole second nginx may reuse an x-accel "yes" in', () => {
  const now = 1_772_366_400_250 // ms, a quarter second into 1772366400
  const second = Math.floor(now / 1000)

  test('the reuse window ends it: the last second that begins before `until`', () => {
    expect(xAccelExpires(now, now + 5000, second + 3600)).toBe(`@${second + 4}`)
    expect(xAccelExpires(now, (second + 5) * 1000, second + 3600)).toBe(`@${second + 4}`)
  })

  test("the URL's expiry ends it: the second before `e`", () => {
    expect(xAccelExpires(now, now + 5000, second + 2)).toBe(`@${second + 1}`)
    expect(xAccelExpires(now, now + 5000, second + 1)).toBe(`@${second}`)
  })

  test('no whole second left (the authoriser\'s own "yes" ends within this one): 0, not cached', () => {
    expect(xAccelExpires(now, now + 500, second + 3600)).toBe('0')
  })
})

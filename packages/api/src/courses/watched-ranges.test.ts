import { describe, expect, test } from 'vitest'
import { coveredSeconds, creditRanges, normalizeRanges } from './watched-ranges.ts'

describe('watched ranges', () => {
  test('merges overlaps, clips to the duration and drops empty ranges', () => {
    expect(normalizeRanges([[10, 20], [0, 5], [4, 12], [50, 80], [30, 30]], 60)).toEqual([[0, 20], [50, 60]])
  })

  test('the union only grows: reporting less never removes coverage', () => {
    const known = creditRanges([], [[0, 30]], 100, 1000)
    expect(creditRanges(known, [[0, 5]], 100, 1000)).toEqual([[0, 30]])
  })

  test('seeking to the end counts only what was played there', () => {
    const ranges = creditRanges([[0, 10]], [[0, 10], [95, 100]], 100, 1000)
    expect(coveredSeconds(ranges)).toBe(15)
  })

  test('new viewing is credited up to the allowance, earliest first, and catches up later', () => {
    const first = creditRanges([], [[0, 300]], 600, 40)
    expect(first).toEqual([[0, 40]])
    const second = creditRanges(first, [[0, 300]], 600, 40)
    expect(second).toEqual([[0, 80]])
    expect(creditRanges([[0, 10]], [[20, 30], [40, 60]], 600, 15)).toEqual([[0, 10], [20, 30], [40, 45]])
  })
})

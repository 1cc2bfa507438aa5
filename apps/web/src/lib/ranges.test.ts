import { expect, test } from 'vitest'
import { mergeRanges } from './ranges.ts'

test('merges overlapping and touching ranges from several lists', () => {
  expect(
    mergeRanges(
      [
        [10, 20],
        [0, 5],
      ],
      [
        [4, 8],
        [20, 25],
        [30, 31],
      ],
    ),
  ).toEqual([
    [0, 8],
    [10, 25],
    [30, 31],
  ])
})

test('drops empty and broken ranges and does not change its input', () => {
  const input: [number, number][] = [
    [3, 3],
    [5, 2],
    [Number.NaN, 4],
    [1, 2],
  ]
  expect(mergeRanges(input)).toEqual([[1, 2]])
  expect(input[3]).toEqual([1, 2])
  expect(mergeRanges()).toEqual([])
})

import { expect, test } from 'vitest'
import { liveWatchedPercent, mergeRanges } from './ranges.ts'

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

test('the live "% bekeken" adds what is playing now to what the server counted', () => {
  // 100 s lesson: the server counted 0–20 (20 %); the viewer now played 15–45.
  expect(liveWatchedPercent(20, [[[0, 20]], [[15, 45]]], 100)).toBe(45)
  // Playing something already counted changes nothing.
  expect(liveWatchedPercent(20, [[[0, 20]], [[5, 10]]], 100)).toBe(20)
  // Never below the server's figure, never above 100 %, rounded down.
  expect(liveWatchedPercent(30, [[[0, 10]]], 100)).toBe(30)
  expect(liveWatchedPercent(0, [[[0, 150]]], 100)).toBe(100)
  expect(liveWatchedPercent(0, [[[0, 33.9]]], 100)).toBe(33)
  // Unknown duration: the server's figure.
  expect(liveWatchedPercent(12, [[[0, 50]]], 0)).toBe(12)
})

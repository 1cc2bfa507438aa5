import { describe, expect, test } from 'vitest'
import { ViewerCourseCache } from './viewer-cache.ts'

/** A cache whose loads are counted per user and course. */
function counted(ttlMs = 60_000, maxEntries = 100) {
  const cache = new ViewerCourseCache<string>(ttlMs, maxEntries)
  const loads: string[] = []
  const get = (userId: string, courseId: string) =>
    cache.get(userId, courseId, async () => {
      loads.push(`${userId}:${courseId}`)
      return `${userId}:${courseId}`
    })
  return { cache, loads, get }
}

describe('ViewerCourseCache', () => {
  test("invalidating a viewer drops all of that viewer's courses and nobody else's, every time", async () => {
    const { cache, loads, get } = counted()
    for (const user of ['anna', 'bram']) for (const course of ['c1', 'c2']) await get(user, course)
    cache.invalidate('anna')
    for (const user of ['anna', 'bram']) for (const course of ['c1', 'c2']) await get(user, course)
    expect(loads).toEqual(['anna:c1', 'anna:c2', 'bram:c1', 'bram:c2', 'anna:c1', 'anna:c2'])
    // Cached again after the reload, and dropped again by the next invalidation.
    cache.invalidate('anna')
    cache.invalidate('nobody')
    await get('anna', 'c2')
    await get('bram', 'c2')
    expect(loads.slice(6)).toEqual(['anna:c2'])
  })

  test('the oldest entry goes first when full; an evicted or failed entry is loaded again', async () => {
    const { cache, loads, get } = counted(60_000, 2)
    await get('anna', 'c1')
    await get('bram', 'c1')
    await get('carla', 'c1') // evicts anna
    await get('anna', 'c1')
    expect(loads).toEqual(['anna:c1', 'bram:c1', 'carla:c1', 'anna:c1'])
    cache.invalidate('bram') // already evicted by anna's reload: nothing else is touched
    await get('anna', 'c1')
    expect(loads).toHaveLength(4)

    let fail = true
    const flaky = () => cache.get('dirk', 'c1', async () => (fail ? Promise.reject(new Error('down')) : 'ok'))
    await expect(flaky()).rejects.toThrow('down')
    fail = false
    expect(await flaky()).toBe('ok')
  })
})

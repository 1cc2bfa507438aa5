import { describe, expect, test } from 'vitest'
import { RenderCache, renderBudget } from './render-cache.ts'

function setUp(maxEntries = 3) {
  const state = { now: 0, generation: 0, loads: [] as string[] }
  const cache = new RenderCache<string>({ maxEntries, ttlMs: 1000, now: () => state.now, generation: () => state.generation })
  const get = (key: string, cache_ = true) =>
    cache.get(key, async () => {
      state.loads.push(key)
      return { value: `${key}#${state.loads.length}`, cache: cache_ }
    })
  return { state, cache, get }
}

describe('RenderCache', () => {
  test('serves a key again without loading it, until the TTL has passed', async () => {
    const { state, get } = setUp()
    expect(await get('nl|0|/')).toBe('nl|0|/#1')
    state.now = 999
    expect(await get('nl|0|/')).toBe('nl|0|/#1')
    state.now = 1000
    expect(await get('nl|0|/')).toBe('nl|0|/#2')
    expect(state.loads).toEqual(['nl|0|/', 'nl|0|/'])
  })

  test('another key loads on its own', async () => {
    const { state, get } = setUp()
    await get('nl|0|/')
    expect(await get('en|0|/')).toBe('en|0|/#2')
    expect(await get('nl|1|/')).toBe('nl|1|/#3')
    expect(state.loads).toHaveLength(3)
  })

  test('requests for a key being loaded share the one load', async () => {
    const cache = new RenderCache<string>({ maxEntries: 3, ttlMs: 1000, now: () => 0, generation: () => 0 })
    let release!: (value: { value: string; cache: boolean }) => void
    let loads = 0
    const load = () => {
      loads++
      return new Promise<{ value: string; cache: boolean }>((resolve) => (release = resolve))
    }
    const first = cache.get('k', load)
    const second = cache.get('k', load)
    release({ value: 'page', cache: true })
    expect(await Promise.all([first, second])).toEqual(['page', 'page'])
    expect(loads).toBe(1)
  })

  test('a failed load, or one not to be kept, is loaded again next time', async () => {
    const { state, get, cache } = setUp()
    await expect(cache.get('k', () => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed')
    expect(await get('k')).toBe('k#1')
    expect(await get('other', false)).toBe('other#2')
    expect(await get('other')).toBe('other#3')
    expect(state.loads).toEqual(['k', 'other', 'other'])
  })

  test('a new generation (an admin edit) loads again', async () => {
    const { state, get } = setUp()
    await get('k')
    state.generation++
    expect(await get('k')).toBe('k#2')
  })

  test('keeps at most maxEntries, dropping the least recently used', async () => {
    const { state, get, cache } = setUp(2)
    await get('a')
    await get('b')
    await get('a') // a is now more recent than b
    await get('c')
    expect(cache.size).toBe(2)
    await get('a')
    await get('b')
    expect(state.loads).toEqual(['a', 'b', 'c', 'b'])
  })
})

describe('renderBudget', () => {
  test('allows perSecond takes in each second, then again in the next', () => {
    let now = 5_000
    const budget = renderBudget(3, () => now)
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false])
    now = 5_999
    expect(budget.take()).toBe(false)
    now = 6_000
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false])
  })
})

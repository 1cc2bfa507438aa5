import { afterEach, expect, test, vi } from 'vitest'
import { runWhenIdle, yieldToMain } from './idle.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

test('runs the task in an idle callback, not at once', () => {
  const idle: (() => void)[] = []
  const requestIdleCallback = vi.fn((callback: () => void) => idle.push(callback))
  vi.stubGlobal('requestIdleCallback', requestIdleCallback)
  const task = vi.fn()
  runWhenIdle(task, 500)
  expect(task).not.toHaveBeenCalled()
  expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 500 })
  idle.forEach((callback) => callback())
  expect(task).toHaveBeenCalledOnce()
})

test('without requestIdleCallback, after a timer', () => {
  vi.stubGlobal('requestIdleCallback', undefined)
  vi.useFakeTimers()
  const task = vi.fn()
  runWhenIdle(task)
  expect(task).not.toHaveBeenCalled()
  vi.runAllTimers()
  expect(task).toHaveBeenCalledOnce()
})

test('yieldToMain continues in a later task: scheduler.yield where there is one', async () => {
  const schedulerYield = vi.fn(() => Promise.resolve())
  vi.stubGlobal('scheduler', { yield: schedulerYield })
  await yieldToMain()
  expect(schedulerYield).toHaveBeenCalledOnce()
})

test('yieldToMain without scheduler.yield: after a timer, not in a microtask', async () => {
  vi.stubGlobal('scheduler', undefined)
  vi.useFakeTimers()
  let done = false
  void yieldToMain().then(() => {
    done = true
  })
  await Promise.resolve()
  await Promise.resolve()
  expect(done).toBe(false)
  await vi.runAllTimersAsync()
  expect(done).toBe(true)
})

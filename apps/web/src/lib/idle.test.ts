import { afterEach, expect, test, vi } from 'vitest'
import { runWhenIdle } from './idle.ts'

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

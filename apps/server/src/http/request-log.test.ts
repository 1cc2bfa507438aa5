import { describe, expect, test } from 'vitest'
import { loggedUrl } from './request-log.ts'

describe('loggedUrl: what the request log may keep of a URL', () => {
  test('a calendar feed token and a signed link token are masked', () => {
    expect(loggedUrl('/coaching/agenda/Zq3kP0aYcB1x.mJ4tV8sLw2Nq9RbXy7FeK0pHd3GuA6.ics')).toBe('/coaching/agenda/:token')
    expect(loggedUrl('/coaching/link/eyJib29raW5nIjoiYWJjIn0.c2lnbmF0dXJlLXZhbHVl')).toBe('/coaching/link/:token')
  })

  test('query values are dropped, their names kept', () => {
    expect(loggedUrl('/ebook/download?token=abc.def&lang=nl')).toBe('/ebook/download?token=…&lang=…')
    expect(loggedUrl('/media/lesson.mp4?exp=1&sig=0123456789abcdef0123456789')).toBe('/media/lesson.mp4?exp=…&sig=…')
  })

  test('ordinary paths and ids stay readable', () => {
    expect(loggedUrl('/trpc/lesson.get')).toBe('/trpc/lesson.get')
    expect(loggedUrl('/invoices/0b9c3c52-6f6e-4d43-9d0e-6a8f0f1b2c3d/pdf')).toBe('/invoices/0b9c3c52-6f6e-4d43-9d0e-6a8f0f1b2c3d/pdf')
    expect(loggedUrl('/blog/zo-bouw-je-je-eerste-messenger-bot-in-2026')).toBe('/blog/zo-bouw-je-je-eerste-messenger-bot-in-2026')
    expect(loggedUrl('/blog/tag/automatiseringsmogelijkheden')).toBe('/blog/tag/automatiseringsmogelijkheden')
  })
})

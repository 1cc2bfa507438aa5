import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import pino from 'pino'
import { describe, expect, test } from 'vitest'
import { loggedUrl, requestLog } from './request-log.ts'

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

describe('requestLog: one line per request, req.id and req.log', () => {
  async function served(level: string) {
    const lines: Record<string, unknown>[] = []
    const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) })
    const app = express()
    app.use(requestLog(logger))
    app.get('/said', (req, res) => {
      req.log.info({ extra: 1 }, 'route line')
      // The same child every time it is asked for.
      res.json({ id: req.id, same: req.log === req.log })
    })
    app.get('/broken', (_req, res) => void res.status(500).end())
    const server = createServer(app)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return { lines, url, close: () => new Promise((resolve) => server.close(resolve)) }
  }

  test('the id is answered as X-Request-Id and names the route lines and the request line (URL masked)', async () => {
    const { lines, url, close } = await served('info')
    const res = await fetch(`${url}/said?token=geheim`)
    const body = (await res.json()) as { id: string; same: boolean }
    await fetch(`${url}/broken`).then((r) => r.arrayBuffer())
    await close()
    expect(res.headers.get('x-request-id')).toBe(body.id)
    expect(body.same).toBe(true)
    expect(lines.find((l) => l.msg === 'route line')).toMatchObject({ reqId: body.id, extra: 1 })
    expect(lines.find((l) => l.msg === 'request completed')).toMatchObject({ req: { id: body.id, method: 'GET', url: '/said?token=…' }, res: { statusCode: 200 } })
    expect(lines.find((l) => l.msg === 'request errored')).toMatchObject({ req: { url: '/broken' }, res: { statusCode: 500 } })
    expect(JSON.stringify(lines)).not.toContain('geheim')
  })

  test('a request the log never saw has no req.log; a silent logger writes nothing', async () => {
    const { lines, url, close } = await served('silent')
    await fetch(`${url}/said`).then((r) => r.arrayBuffer())
    await close()
    expect(lines).toEqual([])
    expect((Object.create(express.request) as { log?: unknown }).log).toBeUndefined()
  })
})

/**
 * Child process of bench/media.ts (apart, so the load generator and the servers do not share an event
 * loop): the media route in 'node' and in 'x-accel' delivery, each mounted both ways — as the Express
 * Router inside an Express app, and as the plain node:http handler in front of one — on the ports in
 * BENCH_PORTS. It authorises from an in-memory map, as the real authorizer would from the database.
 */
import { createServer } from 'node:http'
import express from 'express'
import { mediaHandler, mediaRouter, type MediaRouterOptions } from '@jouwbot/server/http/courses'
import { createLocalStorage } from '@jouwbot/storage'

const { MEDIA_ROOT, MEDIA_SECRET, BENCH_PORTS, USER_ID, LESSON_ID, MEDIA_KEY } = process.env
if (!MEDIA_ROOT || !MEDIA_SECRET || !BENCH_PORTS || !USER_ID || !LESSON_ID || !MEDIA_KEY) {
  throw new Error('bench/media-servers.ts is started by bench/media.ts')
}
const ports = JSON.parse(BENCH_PORTS) as Record<'node' | 'nodeHttp' | 'accelNode' | 'accelNodeHttp', number>

const entitlements = new Map([[`${USER_ID}/${LESSON_ID}`, MEDIA_KEY]])
const base = {
  secret: MEDIA_SECRET,
  storage: createLocalStorage(MEDIA_ROOT),
  authorize: async (userId: string, lessonId: string) => {
    const key = entitlements.get(`${userId}/${lessonId}`)
    return key ? { key } : null
  },
  now: () => new Date(),
  xAccelPrefix: '/_protected_media/',
}

function serve(port: number, delivery: MediaRouterOptions['delivery'], mount: 'router' | 'http') {
  const app = express()
  app.disable('x-powered-by')
  if (mount === 'router') app.use(mediaRouter({ ...base, delivery }))
  const media = mediaHandler({ ...base, delivery })
  const server = mount === 'router' ? createServer(app) : createServer((req, res) => media(req, res) || app(req, res))
  return new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
}

await Promise.all([
  serve(ports.node, 'node', 'router'),
  serve(ports.nodeHttp, 'node', 'http'),
  serve(ports.accelNode, 'x-accel', 'router'),
  serve(ports.accelNodeHttp, 'x-accel', 'http'),
])
process.on('SIGTERM', () => process.exit(0))

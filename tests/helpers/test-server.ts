import { createServer } from 'node:http'
import pino from 'pino'
import { createApp } from '@jouwbot/server/app'
import { defaultWebDist } from '@jouwbot/server/boot'
import { sql, type DatabaseHandle } from '@jouwbot/db'
import { createTestDatabase } from '@jouwbot/db/testing'
import { authorizeLessonHls, authorizeLessonVideo, seedCourse } from '@jouwbot/api'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import { attachmentRouter } from '@jouwbot/server/http/attachments'
import { certificateRouter } from '@jouwbot/server/http/certificates'
import { uploadRouter } from '@jouwbot/server/http/uploads'
import { hlsMediaRouter } from '@jouwbot/server/http/hls-media'
import { mediaRouter } from '@jouwbot/server/http/media'
import { checkoutPayRouter } from '@jouwbot/server/http/checkout-pay'
import { invoiceRouter } from '@jouwbot/server/http/invoices'
import { mollieWebhookRouter } from '@jouwbot/server/http/mollie-webhook'
import { makeDeps, TEST_MEDIA_SECRET, testStorage } from './deps.ts'
import { EMULATOR_CHECKOUT_PREFIX, startTestPayments, type TestPayments } from './payments.ts'

export interface TestServer {
  url: string
  deps: ReturnType<typeof makeDeps>
  handle: DatabaseHandle
  /** With `payments: true`: the Mollie emulator this server pays through. */
  payments: TestPayments | null
  close(): Promise<void>
}

/**
 * The real Express app (API + built web client) on a random port, with its own database and the
 * dev mailbox. Mails stay in the outbox, where /dev/mailbox shows them.
 */
export async function startTestServer(
  options: { webDist?: string | null; handle?: DatabaseHandle; seedCourse?: boolean; payments?: boolean } = {},
): Promise<TestServer> {
  const handle = options.handle ?? (await createTestDatabase())
  // Listen first: APP_ORIGIN (used by the CSRF guard and mail links) needs the port.
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const payments = options.payments ? await startTestPayments(url) : null
  const deps = {
    ...makeDeps(handle),
    appOrigin: url,
    ...(payments ? { payments: payments.gateway, mollieWebhookUrl: `${url}/webhooks/mollie` } : {}),
  }
  if (options.seedCourse) await seedCourse(deps, premiumCursus, { mediaDir, storage: testStorage })
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })
  const app = createApp({
    deps,
    logger,
    pingDb: async () => {
      await handle.db.execute(sql`select 1`)
    },
    webDist: options.webDist === undefined ? defaultWebDist : options.webDist,
    webhooks: [mollieWebhookRouter(deps, logger)],
    routes: [
      checkoutPayRouter(deps),
      invoiceRouter(deps),
      mediaRouter({
        secret: TEST_MEDIA_SECRET,
        storage: testStorage,
        authorize: (userId, lessonId) => authorizeLessonVideo(deps, userId, lessonId),
        now: () => deps.clock.now(),
        delivery: 'node',
      }),
      hlsMediaRouter({
        secret: TEST_MEDIA_SECRET,
        storage: testStorage,
        authorize: (userId, lessonId) => authorizeLessonHls(deps, userId, lessonId),
        now: () => deps.clock.now(),
        delivery: 'node',
      }),
      attachmentRouter(deps, testStorage),
      certificateRouter(deps),
      uploadRouter({ deps, storage: testStorage, maxVideoBytes: 50 * 1024 * 1024, maxCaptionBytes: 1024 * 1024 }),
    ],
  })
  server.on('request', (req, res) => {
    if (payments && req.url?.startsWith(`${EMULATOR_CHECKOUT_PREFIX}/`)) return payments.emulator.checkoutHandler(req, res)
    app(req, res)
  })
  return {
    url,
    deps,
    handle,
    payments,
    async close() {
      await payments?.emulator.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      if (!options.handle) await handle.close()
    },
  }
}

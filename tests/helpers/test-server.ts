import { createServer } from 'node:http'
import pino from 'pino'
import { composeServer, type ServerParts } from '@jouwbot/server/compose'
import { defaultWebDist } from '@jouwbot/server/boot'
import { sql, type DatabaseHandle } from '@jouwbot/db'
import { createTestDatabase } from '@jouwbot/db/testing'
import { seedCourse } from '@jouwbot/api/courses'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
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
  options: {
    webDist?: string | null
    handle?: DatabaseHandle
    seedCourse?: boolean
    payments?: boolean
    /** Parts to set differently from the defaults below (upload limits, onVideoStored, …). */
    parts?: Partial<ServerParts>
  } = {},
): Promise<TestServer> {
  const handle = options.handle ?? (await createTestDatabase())
  // Listen first: APP_ORIGIN (used by the CSRF guard and mail links) needs the port.
  const server = createServer()
  let payments: TestPayments | null = null
  // A start that fails half-way (a busy machine, the emulator) leaves no server, emulator or
  // database behind: the caller's beforeAll fails, and its afterAll has nothing to close.
  const abandon = async (error: unknown): Promise<never> => {
    await payments?.emulator.close().catch(() => {})
    server.closeAllConnections()
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
    if (!options.handle) await handle.close().catch(() => {})
    throw error
  }
  try {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  } catch (error) {
    return abandon(error)
  }
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  try {
    payments = options.payments ? await startTestPayments(url) : null
  } catch (error) {
    return abandon(error)
  }
  const deps = {
    ...makeDeps(handle),
    appOrigin: url,
    ...(payments ? { payments: payments.gateway, mollieWebhookUrl: `${url}/webhooks/mollie` } : {}),
  }
  if (options.seedCourse) await seedCourse(deps, premiumCursus, { mediaDir, storage: testStorage }).catch(abandon)
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })
  server.on(
    'request',
    composeServer({
      deps,
      logger,
      pingDb: async () => {
        await handle.db.execute(sql`select 1`)
      },
      webDist: options.webDist === undefined ? defaultWebDist : options.webDist,
      mediaSecret: TEST_MEDIA_SECRET,
      mediaDelivery: 'node',
      uploadLimits: { video: 50 * 1024 * 1024, captions: 1024 * 1024 },
      mollieCheckout: payments ? { prefix: EMULATOR_CHECKOUT_PREFIX, handler: payments.emulator.checkoutHandler } : null,
      ...options.parts,
    }),
  )
  return {
    url,
    deps,
    handle,
    payments,
    async close() {
      // Work a request left for after its answer (sign-up, reset) finishes before the database closes.
      await deps.afterAnswer.settled()
      await payments?.emulator.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      if (!options.handle) await handle.close()
    },
  }
}

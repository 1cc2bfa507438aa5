import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAppDeps, type AppDeps } from '@jouwbot/api'
import { createManyChatGateway } from '@jouwbot/manychat'
import { deriveMediaSecret } from '@jouwbot/api/courses'
import { prepareDummyPasswordHash } from '@jouwbot/auth'
import { createDb, lockDataDir, sql, type DatabaseHandle } from '@jouwbot/db'
import { startJobRunner, type JobRunner } from '@jouwbot/jobs'
import { createDevMailboxTransport, createSmtpTransport } from '@jouwbot/mail'
import pino, { type Logger } from 'pino'
import { composeServer } from './compose.ts'
import { defaultPreparationEntry, prepareDataFolder } from './data-folder-preparation.ts'
import { setUpDatabase } from './database-setup.ts'
import { demoVideosEnabled, demoVideosWanted } from './demo-content.ts'
import { DEFAULT_REQUEST_TIMEOUTS, HEADERS_TIMEOUT_MS } from './http/request-timeouts.ts'
import { listenOnUnixSocket } from './http/unix-socket.ts'
import type { Env } from './env.ts'
import { jobDefinitions, QUEUES } from './jobs.ts'
import { createMediaStorage, storageOrigins } from './media-storage.ts'
import { createPayments, createVatChecker, EMULATOR_CHECKOUT_PREFIX, sellerFromEnv } from './payments.ts'
import { resolveSecrets, type Secrets } from './secrets.ts'

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url))

export interface RunningServer {
  url: string
  deps: AppDeps
  handle: DatabaseHandle
  stop(): Promise<void>
}

export interface BootOptions {
  logger?: Logger
  webDist?: string | null
  /** The embedded database's preparation child (default: prepare.ts/.js next to the entry script). */
  preparationEntry?: string
}

/**
 * Starts everything in order: database (locked PGlite folder, prepared by a child process on its
 * first start, or PostgreSQL), migrations, the first admin, jobs, HTTP. `stop` undoes it in reverse;
 * index.ts calls it on SIGTERM/SIGINT. A start that fails releases the folder's lock.
 */
export async function boot(env: Env, options: BootOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: env.LOG_LEVEL })
  const secrets = resolveSecrets(env)

  let releaseLock = () => {}
  try {
    let databaseUrl = env.DATABASE_URL
    if (!databaseUrl) {
      const folder = join(env.DATA_DIR, 'pglite')
      releaseLock = lockDataDir(folder)
      databaseUrl = folder
      logger.info({ folder }, 'using the embedded PGlite database')
      await prepareDataFolder(folder, { entry: options.preparationEntry ?? defaultPreparationEntry(), logger })
    }
    return await start(env, options, { logger, secrets, databaseUrl, releaseLock })
  } catch (error) {
    releaseLock()
    throw error
  }
}

async function start(
  env: Env,
  options: BootOptions,
  { logger, secrets, databaseUrl, releaseLock }: { logger: Logger; secrets: Secrets; databaseUrl: string; releaseLock: () => void },
): Promise<RunningServer> {
  const handle = await createDb(databaseUrl)

  // Only when asked for (loadEnv refused it anywhere but a loopback-only, http, proxy-less server);
  // the list then answers requests from this machine only (`isLocalRequest`).
  const devMailbox = env.DEV_MAILBOX === 'on'
  const transport = env.SMTP_URL ? createSmtpTransport(env.SMTP_URL) : createDevMailboxTransport()
  const { storage, delivery } = createMediaStorage(env)
  const mediaSecret = deriveMediaSecret(secrets.sessionSecret)
  const payments = await createPayments(env, logger)
  const deps = createAppDeps({
    db: handle.db,
    sessionSecret: secrets.sessionSecret,
    encryptionKeys: secrets.encryptionKeys,
    appOrigin: env.APP_ORIGIN,
    devMailbox,
    mailProvider: Boolean(env.SMTP_URL),
    storage,
    mediaSecret,
    payments: payments.gateway,
    mollieWebhookUrl: payments.webhookUrl,
    vatChecker: createVatChecker(env),
    seller: sellerFromEnv(env),
    newsletter: { from: env.NEWSLETTER_FROM, ratePerMinute: env.NEWSLETTER_RATE_PER_MINUTE, unsubscribeMailto: env.NEWSLETTER_UNSUBSCRIBE_MAILTO },
    // marketing (Messenger chat): ManyChat itself with a key; without one the sync is off (never an emulator).
    manychat: env.MANYCHAT_API_KEY ? createManyChatGateway({ apiKey: env.MANYCHAT_API_KEY }) : null,
    messengerPage: env.MESSENGER_PAGE ?? null,
    onBackgroundError: (error) => logger.error({ err: error }, 'work after an answer failed'),
  })

  await prepareDummyPasswordHash()
  // Migrations and seeds: after the embedded database's preparation child, only checks that find them done.
  await setUpDatabase(handle, deps, env, { storage, logger })

  // The demo course's own lesson videos, rendered in the background (never in production).
  const demoVideos = { enabled: demoVideosEnabled(env), wake: () => {} }
  const jobs: JobRunner = await startJobRunner(handle, jobDefinitions({ deps, transport, mailFrom: env.MAIL_FROM, logger, demoVideos }), logger)
  demoVideos.wake = () => {
    jobs.send(QUEUES.demoVideos).catch((error: unknown) => logger.warn({ err: error }, 'could not queue the demo videos'))
  }
  if (demoVideosWanted(env, logger)) demoVideos.wake()
  deps.onMailQueued = () => {
    jobs.send(QUEUES.mailDeliver).catch((error: unknown) => logger.warn({ err: error }, 'could not wake the mail worker'))
  }
  deps.onChatQueued = () => {
    jobs.send(QUEUES.marketingChatSync).catch((error: unknown) => logger.warn({ err: error }, 'could not wake the chat sync'))
  }

  const handler = composeServer({
    deps,
    logger,
    pingDb: async () => {
      await handle.db.execute(sql`select 1`)
    },
    webDist: options.webDist === undefined ? defaultWebDist : options.webDist,
    trustProxy: env.TRUST_PROXY,
    mediaSecret,
    mediaDelivery: delivery,
    xAccelPrefix: env.MEDIA_X_ACCEL_PREFIX,
    mediaOrigins: storageOrigins(env),
    onVideoStored: (lessonId) =>
      void jobs.send(QUEUES.lessonHls, { lessonId }).catch((error: unknown) => logger.warn({ err: error, lessonId }, 'could not queue HLS')),
    mollieCheckout: payments.emulator ? { prefix: EMULATOR_CHECKOUT_PREFIX, handler: payments.emulator.checkoutHandler } : null,
    formOrigins: payments.formOrigins,
  })
  const server: Server = createServer(handler)
  // Node's request timeout is one number per server: the upload limit, as a backstop. composeServer
  // cuts every other request after DEFAULT_REQUEST_TIMEOUTS.defaultMs (slow bodies hold no connection).
  server.requestTimeout = DEFAULT_REQUEST_TIMEOUTS.uploadMs
  server.headersTimeout = HEADERS_TIMEOUT_MS
  // LISTEN_SOCKET: the same listener on a Unix socket as well, for nginx (http/unix-socket.ts).
  const socketServer: Server | null = env.LISTEN_SOCKET ? createServer(handler) : null
  if (socketServer) {
    socketServer.requestTimeout = server.requestTimeout
    socketServer.headersTimeout = server.headersTimeout
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(env.PORT, env.HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  if (socketServer) {
    try {
      await listenOnUnixSocket(socketServer, env.LISTEN_SOCKET!)
    } catch (error) {
      await new Promise((resolve) => server.close(resolve))
      throw error
    }
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  logger.info({ host: env.HOST, port, socket: env.LISTEN_SOCKET, origin: env.APP_ORIGIN, devMailbox }, 'Jouw Bot is listening')
  if (!env.SMTP_URL && !devMailbox) {
    logger.warn('SMTP_URL is not set: mails stay in the outbox, unsent. For a local try-out set DEV_MAILBOX=on to read them at /dev/mailbox.')
  }

  let stopping: Promise<void> | undefined
  return {
    url: `http://${localHostFor(env.HOST)}:${port}`,
    deps,
    handle,
    stop: () =>
      (stopping ??= (async () => {
        await Promise.all(
          [server, socketServer].map(
            (listening) =>
              listening &&
              new Promise<void>((resolve) => {
                listening.close(() => resolve())
                listening.closeAllConnections()
              }),
          ),
        )
        await deps.afterAnswer.settled()
        await jobs.stop()
        await payments.emulator?.close()
        transport.close()
        await handle.close()
        releaseLock()
      })()),
  }
}

/** How this machine reaches a server listening on `host` (every interface: through loopback). */
function localHostFor(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === 'localhost') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

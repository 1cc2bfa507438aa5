import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { authorizeLessonHls, authorizeLessonVideo, createAppDeps, seedAdmin, seedCourse, seedShop, type AppDeps } from '@jouwbot/api'
import { saveLessonHls } from '@jouwbot/api/admin/lesson-media'
import { mediaDir, premiumCursus } from '@jouwbot/course-content'
import { prepareDummyPasswordHash } from '@jouwbot/auth'
import { createDb, lockDataDir, migrate, sql, type DatabaseHandle } from '@jouwbot/db'
import { startJobRunner, type JobRunner } from '@jouwbot/jobs'
import { createDevMailboxTransport, createSmtpTransport } from '@jouwbot/mail'
import pino, { type Logger } from 'pino'
import { createApp } from './app.ts'
import { checkoutJobDefinitions } from './checkout-jobs.ts'
import { checkoutPayRouter } from './http/checkout-pay.ts'
import { invoiceRouter } from './http/invoices.ts'
import { mollieWebhookRouter } from './http/mollie-webhook.ts'
import { createPayments, createVatChecker, EMULATOR_CHECKOUT_PREFIX, sellerFromEnv } from './payments.ts'
import type { Env } from './env.ts'
import { MAIL_QUEUE, jobDefinitions } from './jobs.ts'
import { resolveSecrets } from './secrets.ts'
import { attachmentRouter } from './http/attachments.ts'
import { certificateRouter } from './http/certificates.ts'
import { hlsMediaHandler } from './http/hls-media.ts'
import { mediaHandler } from './http/media.ts'
import { DEFAULT_MAX_CAPTION_BYTES, DEFAULT_MAX_VIDEO_BYTES, uploadRouter } from './http/uploads.ts'
import { HLS_QUEUE, hlsJobDefinition } from './hls.ts'
import { createMediaGateway, deriveMediaSecret } from './media-gateway.ts'
import { createMediaStorage, storageOrigins } from './media-storage.ts'

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url))

export interface RunningServer {
  url: string
  deps: AppDeps
  handle: DatabaseHandle
  stop(): Promise<void>
}

/**
 * Starts everything in order: database (locked PGlite folder or PostgreSQL), migrations, the
 * first admin, jobs, HTTP. `stop` undoes it in reverse; index.ts calls it on SIGTERM/SIGINT.
 */
export async function boot(env: Env, options: { logger?: Logger; webDist?: string | null } = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: env.LOG_LEVEL })
  const secrets = resolveSecrets(env)

  let releaseLock = () => {}
  let databaseUrl = env.DATABASE_URL
  if (!databaseUrl) {
    const folder = join(env.DATA_DIR, 'pglite')
    releaseLock = lockDataDir(folder)
    databaseUrl = folder
    logger.info({ folder }, 'using the embedded PGlite database')
  }
  const handle = await createDb(databaseUrl)
  await migrate(handle)

  const devMailbox = !env.SMTP_URL && env.NODE_ENV !== 'production'
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
    media: createMediaGateway(storage, mediaSecret),
    payments: payments.gateway,
    mollieWebhookUrl: payments.webhookUrl,
    vatChecker: createVatChecker(env),
    seller: sellerFromEnv(env),
  })

  await prepareDummyPasswordHash()
  const admin = await seedAdmin(deps, env.ADMIN_EMAIL)
  if (admin) {
    // Printed once, on the first start only; it is not stored anywhere in readable form.
    console.log(
      `\n  First admin account created — write this down, it is shown only once:\n` +
        `    e-mail:     ${admin.email}\n    wachtwoord: ${admin.password}\n`,
    )
  }

  // Demo content, once: the Premium Cursus with its sample videos (never in production).
  if (env.NODE_ENV !== 'production' && (await seedCourse(deps, premiumCursus, { mediaDir, storage }))) {
    logger.info({ course: premiumCursus.slug }, 'demo course seeded')
  }
  if (env.NODE_ENV !== 'production') await seedShop(deps, premiumCursus.slug)

  const jobs: JobRunner = await startJobRunner(
    handle,
    [
      ...jobDefinitions(deps, transport, env.MAIL_FROM, logger, storage),
      hlsJobDefinition({ deps, storage, logger, saveMasterKey: (input) => saveLessonHls(deps, input) }),
      ...checkoutJobDefinitions(deps, logger),
    ],
    logger,
  )
  deps.onMailQueued = () => {
    jobs.send(MAIL_QUEUE).catch((error: unknown) => logger.warn({ err: error }, 'could not wake the mail worker'))
  }

  const app = createApp({
    deps,
    logger,
    pingDb: async () => {
      await handle.db.execute(sql`select 1`)
    },
    webDist: options.webDist === undefined ? defaultWebDist : options.webDist,
    trustProxy: env.TRUST_PROXY,
    webhooks: [mollieWebhookRouter(deps, logger)],
    formOrigins: payments.formOrigins,
    routes: [
      checkoutPayRouter(deps),
      invoiceRouter(deps),
      attachmentRouter(deps, storage),
      certificateRouter(deps),
      uploadRouter({
        deps,
        storage,
        maxVideoBytes: DEFAULT_MAX_VIDEO_BYTES,
        maxCaptionBytes: DEFAULT_MAX_CAPTION_BYTES,
        onVideoStored: (lessonId) => void jobs.send(HLS_QUEUE, { lessonId }).catch((error: unknown) => logger.warn({ err: error, lessonId }, 'could not queue HLS')),
      }),
    ],
    mediaOrigins: storageOrigins(env),
  })
  // Lesson video bytes skip Express: its per-request cost alone halved throughput in bench:media.
  // The handler sets its own headers (nosniff, private caching) and logs its own failures.
  const media = mediaHandler({
    secret: mediaSecret,
    storage,
    authorize: (userId, lessonId) => authorizeLessonVideo(deps, userId, lessonId),
    now: () => deps.clock.now(),
    delivery,
    xAccelPrefix: env.MEDIA_X_ACCEL_PREFIX,
    logger,
  })
  const hlsMedia = hlsMediaHandler({
    secret: mediaSecret,
    storage,
    authorize: (userId, lessonId) => authorizeLessonHls(deps, userId, lessonId),
    now: () => deps.clock.now(),
    delivery,
    xAccelPrefix: env.MEDIA_X_ACCEL_PREFIX,
    logger,
  })
  const server: Server = createServer((req, res) => {
    if (payments.emulator && req.url?.startsWith(`${EMULATOR_CHECKOUT_PREFIX}/`)) return payments.emulator.checkoutHandler(req, res)
    if (!media(req, res) && !hlsMedia(req, res)) app(req, res)
  })
  // Video uploads stream for minutes; Node's default 300 s request timeout would cut them off.
  server.requestTimeout = 60 * 60_000
  await new Promise<void>((resolve) => server.listen(env.PORT, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  logger.info({ port, origin: env.APP_ORIGIN, devMailbox }, 'Jouw Bot is listening')

  let stopping: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    handle,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        await jobs.stop()
        await payments.emulator?.close()
        transport.close()
        await handle.close()
        releaseLock()
      })()),
  }
}

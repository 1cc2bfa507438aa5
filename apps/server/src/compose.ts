import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { AppDeps } from '@jouwbot/api'
import { cachedLessonMediaAuthorizer, type LessonMediaKind } from '@jouwbot/api/courses'
import { createApp } from './app.ts'
import { mollieWebhookRouter } from './http/checkout/mollie-webhook.ts'
import { invoiceRouter } from './http/checkout/invoices.ts'
import { checkoutPayRouter } from './http/checkout/pay.ts'
import { attachmentRouter } from './http/courses/attachments.ts'
import { certificateRouter } from './http/courses/certificates.ts'
import { calendarFeedRouter } from './http/coaching/calendar-feed.ts'
import { coachPhotoRouter } from './http/coaching/coach-photo.ts'
import { privacyExportRouter } from './http/privacy/exports.ts'
import { statsCollectRouter } from './http/marketing/stats-collect.ts'
import { ebookDownloadRouter } from './http/marketing/ebook-download.ts'
import { newsletterUnsubscribeRouter } from './http/marketing/newsletter-unsubscribe.ts'
import { blogFeedsRouter } from './http/marketing/blog-feeds.ts'
import { blogPagesRouter } from './http/marketing/blog-pages.ts'
import { blogImagesRouter } from './http/marketing/blog-images.ts'
import { robotsRouter } from './http/site/robots.ts'
import { hlsMediaHandler } from './http/courses/lesson-hls.ts'
import { mediaHandler } from './http/courses/lesson-video.ts'
import type { MediaDelivery } from './http/courses/media-delivery.ts'
import { uploadRouter } from './http/courses/uploads.ts'
import { armRequestTimeout, DEFAULT_REQUEST_TIMEOUTS, isUploadRequest, type RequestTimeouts } from './http/request-timeouts.ts'

export interface ServerParts {
  deps: AppDeps
  logger: Logger
  pingDb: () => Promise<void>
  /** The built web client (apps/web/dist); API-only when null. */
  webDist: string | null
  trustProxy?: number | string
  /** The key of signed media URLs (the one `deps.media` signs with). */
  mediaSecret: string
  mediaDelivery: MediaDelivery
  xAccelPrefix?: string
  /** Extra origins for `media-src` (presigned S3 URLs when media lives in S3). */
  mediaOrigins?: string[]
  uploadLimits?: Partial<Record<LessonMediaKind, number>>
  /** After an upload stored a new lesson video (boot queues the HLS job). */
  onVideoStored?: (lessonId: string) => void | Promise<void>
  /** The embedded Mollie emulator's test checkout page, served on our origin (embedded default, tests). */
  mollieCheckout?: { prefix: string; handler: (req: IncomingMessage, res: ServerResponse) => void } | null
  /** Origins a form may be sent to besides our own (Mollie's checkout, after our 303). */
  formOrigins?: string[]
  /** How long a request may take to arrive (uploads get longer); `DEFAULT_REQUEST_TIMEOUTS`. */
  requestTimeouts?: Partial<RequestTimeouts>
}

/**
 * The whole HTTP surface as one node:http request listener, in production order: the Mollie
 * emulator's checkout page (embedded only), the lesson video and HLS routes ahead of Express (a
 * player sends one request per range; Express's per-request cost halved throughput in
 * bench:media), then the Express app with its plain routes per domain. boot.ts listens with it;
 * the tests' server helper uses the same function, so both run the same route order.
 */
export function composeServer(parts: ServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  const { deps, logger } = parts
  const app = createApp({
    deps,
    logger,
    pingDb: parts.pingDb,
    webDist: parts.webDist,
    trustProxy: parts.trustProxy,
    webhooks: [mollieWebhookRouter(deps, logger), newsletterUnsubscribeRouter(deps)],
    formOrigins: parts.formOrigins,
    mediaOrigins: parts.mediaOrigins,
    routes: [
      checkoutPayRouter(deps),
      invoiceRouter(deps),
      attachmentRouter(deps),
      certificateRouter(deps),
      privacyExportRouter(deps),
      calendarFeedRouter(deps),
      coachPhotoRouter(deps),
      statsCollectRouter(deps),
      ebookDownloadRouter(deps),
      blogFeedsRouter(deps),
      blogPagesRouter(deps),
      blogImagesRouter(deps),
      robotsRouter(deps),
      uploadRouter({ deps, limits: parts.uploadLimits, onVideoStored: parts.onVideoStored }),
    ],
  })
  const media = {
    secret: parts.mediaSecret,
    storage: deps.storage,
    now: () => deps.clock.now(),
    delivery: parts.mediaDelivery,
    xAccelPrefix: parts.xAccelPrefix,
    logger,
  }
  // The handlers set their own headers (nosniff, private caching) and log their own failures.
  // A player's range, playlist and segment requests reuse a "yes" for a few seconds
  // (VIDEO_DECISION_TTL_MS): revocation takes effect within that window.
  const authorize = cachedLessonMediaAuthorizer(deps)
  const video = mediaHandler({ ...media, authorize: authorize.video })
  const hls = hlsMediaHandler({ ...media, authorize: authorize.hls })
  const checkout = parts.mollieCheckout
  const timeouts = { ...DEFAULT_REQUEST_TIMEOUTS, ...parts.requestTimeouts }
  return (req, res) => {
    armRequestTimeout(req, res, isUploadRequest(req) ? timeouts.uploadMs : timeouts.defaultMs)
    if (checkout && req.url?.startsWith(`${checkout.prefix}/`)) return checkout.handler(req, res)
    if (!video(req, res) && !hls(req, res)) app(req, res)
  }
}

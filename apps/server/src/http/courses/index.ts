/** The courses domain's plain HTTP routes (`@jouwbot/server/http/courses`): lesson media, uploads, attachments, certificates. */
export { attachmentRouter } from './attachments.ts'
export { certificateRouter } from './certificates.ts'
export { hlsMediaHandler, hlsMediaRouter, type HlsMediaOptions } from './lesson-hls.ts'
export { mediaHandler, mediaRouter, type MediaRouterOptions } from './lesson-video.ts'
export type { MediaDelivery } from './media-delivery.ts'
export { uploadRouter, type UploadRouterOptions } from './uploads.ts'

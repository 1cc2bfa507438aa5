/** The courses domain's entry point for the HTTP adapters, jobs, seeds and tests (`@jouwbot/api/courses`). */
export { grantCourseAccess, hasCourseAccess, revokeCourseAccess } from './access.ts'
export { authorizeAttachment, authorizeLessonHls, authorizeLessonVideo, cachedLessonMediaAuthorizer, VIDEO_DECISION_TTL_MS } from './authorize-lesson-media.ts'
export { verifyCertificate } from './verify-certificate.ts'
export { seedCourse } from './seed-course.ts'
export { CourseStructureCache } from './course-structure.ts'
export type { LessonMediaKind } from './media/attach-lesson-media.ts'
export { findLessonForUpload } from './media/find-lesson-for-upload.ts'
export { deleteHlsRenditions, hasFfmpeg, hlsPrefixFor, makeHlsRenditions, playlistEntries } from './media/hls-renditions.ts'
export { createMediaGateway, type MediaGateway } from './media/media-gateway.ts'
export { deriveMediaSecret, mediaUrlVerifier, signHlsUrl, signMediaUrl } from './media/media-urls.ts'
export { renderLessonHls } from './media/render-lesson-hls.ts'
export { saveLessonHls } from './media/save-lesson-hls.ts'
export { DEFAULT_UPLOAD_LIMITS, storeLessonMedia, UPLOAD_KINDS } from './media/store-lesson-media.ts'
export { hlsFolderOf, MEDIA_SWEEP_GRACE_MS, sweepOrphanedMedia } from './media/sweep-orphaned-media.ts'
export {
  DEMO_VIDEO_VERSION, demoVideoKeys, findDemoVideoTools, lessonTextHash, renderDemoLessonVideos,
  type DemoLessonEvent, type DemoVideoTools, type RenderDemoVideosResult,
} from './demo-videos/render-demo-videos.ts'
export { renderLessonVideo, webVtt } from './demo-videos/render-lesson-video.ts'
export { slidesForLesson, type LessonText } from './demo-videos/lesson-slides.ts'

/**
 * An error meant for the user. `key` is an i18n key the client translates (nl first, en second);
 * the server never sends English sentences. Anything that is not an AppError (or a zod input
 * error) reaches the client only as `error.generic` plus a request id.
 */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly key: ErrorKey | ValidationKey
  readonly retryAfterSeconds: number | undefined

  constructor(code: AppErrorCode, key: ErrorKey | ValidationKey, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(key, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.key = key
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

/** The i18n keys the server may send, so the client catalogs can be checked against them. */
export const errorKeys = [
  'error.generic',
  'error.unauthorized',
  'error.forbidden',
  'error.notFound',
  'error.tooManyRequests',
  'error.invalidInput',
  'error.payloadTooLarge',
  'error.csrf',
  'error.unsupportedMediaType',
  'error.timeout',
  'auth.invalidCredentials',
  'auth.logInThrottled',
  'auth.emailNotVerified',
  'auth.tokenInvalid',
  'auth.totpInvalid',
  'auth.totpRequired',
  'auth.totpAlreadyEnabled',
  'auth.totpNotEnabled',
  'auth.totpSetupMissing',
  'auth.recoveryCodeInvalid',
  'auth.reauthenticationRequired',
  'auth.passwordWrong',
  'auth.passwordCommon',
  'auth.emailTaken',
  'auth.sessionNotFound',
  'devMailbox.disabled',
  'course.notFound',
  'course.locked',
  'course.completeByWatching',
  'lesson.notFound',
  'admin.userNotFound',
  'certificate.notEarned',
  'certificate.notFound',
  'admin.slugTaken',
  'admin.moduleNotFound',
  'admin.moduleNotEmpty',
  'admin.lessonPublished',
  'admin.reorderMismatch',
  'admin.chapterAfterEnd',
  'upload.tooLarge',
  'upload.wrongType',
  'upload.durationInvalid',
  'checkout.productNotFound',
  'checkout.orderNotFound',
  'checkout.alreadyPaid',
  'checkout.alreadyOwned',
  'checkout.paymentUnavailable',
  'checkout.couponInvalid',
  'checkout.couponExpired',
  'checkout.couponNotForProduct',
  'checkout.couponExhausted',
  'checkout.couponHeldByYou',
  'checkout.vatNumberInvalid',
  'contactDetails.vatNumberInvalid',
  'refund.notPaid',
  'refund.tooMuch',
  'refund.rejected',
  'refund.unavailable',
  'refund.idTaken',
  'refund.noCoaching',
  'refund.coachingAmount',
  'invoice.notFound',
  'admin.couponCodeTaken',
  // privacy (rights: staff 2FA, requests, export, erasure)
  'privacy.staffTwoFactorRequired',
  'privacy.exportTooSoon',
  'privacy.exportNotFound',
  'privacy.requestNotFound',
  'privacy.requestAlreadyResolved',
  'privacy.requestPending',
  'privacy.erasureNotFound',
  'privacy.erasureAlreadyScheduled',
  'privacy.cannotChangeOwnRole',
  // coaching
  'coaching.coachNotFound',
  'coaching.sessionTypeNotFound',
  'coaching.slotTaken',
  'coaching.notEnoughCredits',
  'coaching.expressStartRequired',
  'coaching.tooManyUpcoming',
  'coaching.bookingNotFound',
  'coaching.tooLateToChange',
  'coaching.lateCancelNeedsConsent',
  'coaching.rescheduleLimit',
  'coaching.bookingClosed',
  'coaching.requestReused',
  'coaching.timeZoneInvalid',
  'coaching.creditNotFound',
  'coaching.photoNotAnImage',
  'coaching.photoTooLarge',
  // marketing (newsletter, e-book)
  'marketing.linkInvalid',
  'marketing.linkExpired',
  'marketing.linkUsed',
  'marketing.newsletterNotFound',
  'marketing.newsletterNotEditable',
  'marketing.slugTaken',
  'coaching.memberNotFound',
  'coaching.linkInvalid',
  // marketing (blog)
  'blog.postNotFound',
  'blog.slugTaken',
  'blog.commentNotFound',
  'blog.emailNotVerified',
  'blog.blocked',
  'blog.spam',
  'blog.tooFast',
  'blog.formExpired',
  'blog.tooManyLinks',
  'blog.duplicate',
  'blog.editWindowOver',
  'blog.notYourComment',
  'blog.replyDepth',
  'blog.commentDeleted',
] as const
export type ErrorKey = (typeof errorKeys)[number]

/** Password length bounds (auth.ts's schema); the validation messages name them, so they live here, zod-free. */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 255

/** Field-level keys: named by the shared schemas, or the fallbacks of zod-errors.ts. */
export const validationKeys = [
  'validation.email',
  'validation.emailTooLong',
  'validation.passwordTooShort',
  'validation.passwordTooLong',
  'validation.required',
  'validation.tooShort',
  'validation.tooLong',
  'validation.totpCode',
  'validation.unknownField',
  'validation.invalid',
  'validation.controlCharacters',
  'validation.chaptersUnsorted',
  'validation.couponCode',
  'validation.acceptTerms',
  'validation.waiveWithdrawal',
  'validation.couponValue',
  'validation.couponWindow',
  'validation.companyRequired',
  'validation.httpsUrl',
  'validation.phone',
  'validation.slug',
  'validation.searchTooShort',
] as const
export type ValidationKey = (typeof validationKeys)[number]

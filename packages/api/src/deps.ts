import {
  createFieldCipher,
  parseEncryptionKeys,
  pseudonymize,
  systemClock,
  type Clock,
  type FieldCipher,
} from '@jouwbot/auth'
import type { Db } from '@jouwbot/db'
import type { ManyChatGateway } from '@jouwbot/manychat'
import type { PaymentGateway } from '@jouwbot/payments'
import type { InvoiceSeller } from '@jouwbot/pdf'
import type { VatNumberChecker } from '@jouwbot/vat'
import type { Storage } from '@jouwbot/storage'
import { createAfterAnswer, type AfterAnswer } from './after-answer.ts'
import { CourseStructureCache } from './courses/course-structure.ts'
import type { ViewerCourseState } from './courses/get-course-outline.ts'
import { createMediaGateway, type MediaGateway } from './courses/media/media-gateway.ts'
import { ViewerCourseCache } from './courses/viewer-cache.ts'

/** Everything services need from the outside world; built once at boot, or per test. */
export interface AppDeps {
  db: Db
  clock: Clock
  /** Field encryption for sensitive personal data (TOTP secrets, later bank/VAT numbers). */
  cipher: FieldCipher
  /** Keyed hash for identifiers that must not be stored readable (rate-limit keys). */
  pseudonymize: (value: string) => string
  /** Public origin, e.g. https://jouwbot.nl — used for links in mails. */
  appOrigin: string
  /** The development mailbox page is available (never in production). */
  devMailbox: boolean
  /** Wakes the mail worker after a commit; mails are delivered anyway on its schedule. */
  onMailQueued?: () => void
  /** Mails leave through a provider (`SMTP_URL` set): it then holds delivery logs (an erasure tells it). */
  mailProvider?: boolean
  /** Runs work after the answer went out (sign-up and reset: nothing address-dependent before it). */
  afterAnswer: AfterAnswer
  /** Cached course structures (invalidated by admin changes). */
  courses: CourseStructureCache
  /** Per-viewer access and progress for the outline (invalidated by saves, grants and revokes). */
  viewerCourses: ViewerCourseCache<ViewerCourseState>
  /** Course media, uploads and (later) member images: local disk or S3. */
  storage: Storage
  /** Signed video URLs and caption files. */
  media: MediaGateway
  /** Mollie through the official client (the emulator in tests and the embedded default). */
  payments: PaymentGateway
  /** Where Mollie posts status changes; unset when Mollie cannot reach us (then reconciliation and the return page fetch). */
  mollieWebhookUrl: string | undefined
  /** VIES, or the offline stand-in. */
  vatChecker: VatNumberChecker
  /** Printed on every invoice. */
  seller: InvoiceSeller
  /** Newsletter sender and pace (`NEWSLETTER_FROM`, `NEWSLETTER_RATE_PER_MINUTE`); defaults when unset. */
  newsletter?: NewsletterSettings
  /** marketing (Messenger chat): ManyChat's API, only with `MANYCHAT_API_KEY` (unset: the contact sync is off). */
  manychat?: ManyChatGateway | null
  /** marketing (Messenger chat): the Facebook page of the `m.me/<page>` link (`MESSENGER_PAGE`); unset: no link. */
  messengerPage?: string | null
  /** Wakes the chat sync job after a commit that queued work; the job runs on its schedule anyway. */
  onChatQueued?: () => void
}

export interface NewsletterSettings {
  /** The newsletter's own sender, apart from transactional mail. */
  from: string
  /** Newsletter mails queued in the outbox per minute at most. */
  ratePerMinute: number
  /** Address for `List-Unsubscribe: <mailto:…>`. */
  unsubscribeMailto: string
}

export interface AppDepsConfig {
  db: Db
  sessionSecret: string
  /** `ENCRYPTION_KEYS` format: `id:base64key,…`, newest first. */
  encryptionKeys: string
  appOrigin: string
  devMailbox: boolean
  /** `SMTP_URL` is set (see AppDeps.mailProvider). */
  mailProvider?: boolean
  storage: Storage
  /** Key of the signed media URLs (`deriveMediaSecret(sessionSecret)` at boot). */
  mediaSecret: string
  payments: PaymentGateway
  mollieWebhookUrl: string | undefined
  vatChecker: VatNumberChecker
  seller: InvoiceSeller
  newsletter?: NewsletterSettings
  manychat?: ManyChatGateway | null
  messengerPage?: string | null
  clock?: Clock
  /** Where failures of `afterAnswer` work are reported (boot: the logger); default: stderr. */
  onBackgroundError?: (error: unknown) => void
}

export function createAppDeps(config: AppDepsConfig): AppDeps {
  return {
    db: config.db,
    clock: config.clock ?? systemClock,
    cipher: createFieldCipher(parseEncryptionKeys(config.encryptionKeys)),
    pseudonymize: (value) => pseudonymize(config.sessionSecret, value),
    appOrigin: config.appOrigin,
    devMailbox: config.devMailbox,
    mailProvider: config.mailProvider ?? false,
    courses: new CourseStructureCache(),
    viewerCourses: new ViewerCourseCache(),
    storage: config.storage,
    media: createMediaGateway(config.storage, config.mediaSecret),
    payments: config.payments,
    mollieWebhookUrl: config.mollieWebhookUrl,
    vatChecker: config.vatChecker,
    seller: config.seller,
    ...(config.newsletter ? { newsletter: config.newsletter } : {}),
    manychat: config.manychat ?? null,
    messengerPage: config.messengerPage ?? null,
    afterAnswer: createAfterAnswer(config.onBackgroundError ?? ((error) => console.error('background work failed', error))),
  }
}

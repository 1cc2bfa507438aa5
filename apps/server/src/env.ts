import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { isLoopbackAddress } from './http/local-request.ts'

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address to listen on: this machine only by default; `0.0.0.0` or `::` for every interface. */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /**
   * Also listen on this Unix socket (an absolute path), for nginx on the same machine: cheaper per
   * request than loopback TCP. HOST:PORT stays open for health checks and local tools.
   */
  LISTEN_SOCKET: optional(
    z
      .string()
      .refine((value) => path.isAbsolute(value) && path.normalize(value) === value && !value.endsWith('/'), 'must be an absolute, normalised path to a socket file, e.g. /run/jouwbot/app.sock')
      // sun_path holds 108 bytes with the closing NUL.
      .refine((value) => Buffer.byteLength(value) <= 107, 'is too long for a Unix socket path (107 bytes at most)'),
  ),
  APP_ORIGIN: optional(z.url().transform((url) => new URL(url).origin)),
  /** postgres://… for PostgreSQL; unset for the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
  DATA_DIR: z.string().default(`${repoRoot}.data`),
  SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  /** `id:base64key,…`, newest first (see packages/auth/src/encryption.ts). */
  ENCRYPTION_KEYS: optional(z.string().min(1)),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')),
  /**
   * `on`: mails stay in the outbox and /dev/mailbox shows them — to requests from this machine only.
   * Root `pnpm start` (the local try-out) turns it on; it is never on by itself.
   */
  DEV_MAILBOX: z.enum(['on', 'off']).default('off'),
  /**
   * The demo course's lesson videos (never in production): `render` makes one per lesson from its own
   * text in a background job when ffmpeg and espeak-ng are on PATH; `off` keeps the 4 shared samples.
   */
  DEMO_VIDEOS: z.enum(['render', 'off']).default('render'),
  MAIL_FROM: z.string().default('Jouw Bot <noreply@jouwbot.nl>'),
  /** The newsletter's own sender, apart from transactional mail (its reputation stays separate). */
  NEWSLETTER_FROM: z.string().min(3).default('Jouw Bot nieuwsbrief <nieuwsbrief@jouwbot.nl>'),
  /** Newsletter mails queued per minute at most (the send job runs every minute). */
  NEWSLETTER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /** The `mailto:` of the List-Unsubscribe header. */
  NEWSLETTER_UNSUBSCRIBE_MAILTO: z.email().default('afmelden@jouwbot.nl'),
  ADMIN_EMAIL: z.email().default('admin@jouwbot.nl'),
  /** Express "trust proxy" setting, e.g. 1 behind one reverse proxy. */
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.union([z.coerce.number().int().min(0), z.enum(['loopback'])]).default(0)),
  /** Where course media lives: DATA_DIR/media on local disk unless S3_BUCKET is set. */
  MEDIA_DIR: optional(z.string()),
  /** `node` streams media itself; `x-accel` lets nginx send the bytes after the app authorised them. */
  MEDIA_DELIVERY: z.enum(['node', 'x-accel']).default('node'),
  MEDIA_X_ACCEL_PREFIX: z.string().startsWith('/').endsWith('/').default('/_protected_media/'),
  S3_BUCKET: optional(z.string().min(3)),
  S3_REGION: z.string().default('eu-west-1'),
  S3_ENDPOINT: optional(z.url()),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  /** `test_…` or `live_…`; unset: the built-in Mollie emulator (never in production). */
  MOLLIE_API_KEY: optional(z.string().regex(/^(test|live)_[A-Za-z0-9]{30,}$/, 'must be a Mollie API key (test_… or live_…)')),
  /** Seller details printed on invoices; the demo site uses Keijzer Media's (Jouw Bot). */
  SELLER_NAME: optional(z.string().min(2).max(120)),
  /** Address lines separated by `|`, e.g. `Sterrenlaan 218|2402 BD Alphen aan den Rijn`. */
  SELLER_ADDRESS: optional(z.string().min(5).max(300)),
  SELLER_KVK: optional(z.string().regex(/^\d{8}$/, 'must be 8 digits')),
  SELLER_VAT_NUMBER: optional(z.string().regex(/^NL\d{9}B\d{2}$/, 'must look like NL123456789B01')),
  SELLER_IBAN: optional(z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, 'must be an IBAN without spaces')),
  /** Where buyers write to (withdrawals, complaints): on invoices and the terms page. */
  SELLER_EMAIL: optional(z.email()),
  /** `vies` asks the EU's VIES service; `offline` checks the format only (no internet). */
  VAT_CHECK: optional(z.enum(['vies', 'offline'])),
  /**
   * marketing (Messenger chat): ManyChat's API token (Settings → API). Unset: the contact sync is off
   * everywhere (no chat consent asked, no job work); there is no built-in emulator to fall back to.
   */
  MANYCHAT_API_KEY: optional(z.string().regex(/^[A-Za-z0-9:_-]{10,200}$/, 'must be a ManyChat API token (Settings → API)')),
  /** The Facebook page of the "Chat met ons op Messenger" link (`https://m.me/<page>`); unset: no link. */
  MESSENGER_PAGE: optional(z.string().regex(/^[A-Za-z0-9.]{1,100}$/, 'must be the page’s username or id, as in https://m.me/<page>')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Env = z.infer<typeof envSchema> & { APP_ORIGIN: string }

/** Every variable the server reads (.env.example must document each; a test checks). */
export const envVariableNames = Object.keys(envSchema.shape)

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads and checks the environment. In production nothing falls back to an embedded default:
 * a missing database, secret or mail server stops the start with a message naming it.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}\nSee .env.example.`)
  }
  const env = parsed.data
  if (env.NODE_ENV === 'production') {
    const required = [
      'DATABASE_URL',
      'APP_ORIGIN',
      'SESSION_SECRET',
      'ENCRYPTION_KEYS',
      'SMTP_URL',
      'MOLLIE_API_KEY',
      'SELLER_NAME',
      'SELLER_ADDRESS',
      'SELLER_KVK',
      'SELLER_VAT_NUMBER',
      'SELLER_EMAIL',
    ] as const
    const missing = required.filter((name) => env[name] === undefined)
    if (missing.length > 0) {
      throw new ConfigError(
        `NODE_ENV=production refuses to start without ${missing.join(', ')}. ` +
          'Production never falls back to the embedded database, generated secrets, the dev mailbox, the Mollie emulator or demo seller details. See .env.example.',
      )
    }
  }
  if (env.NODE_ENV === 'production' && env.VAT_CHECK === 'offline') {
    // The offline check trusts any well-formed number: reverse charge (0 % VAT) would go unchecked.
    throw new ConfigError('NODE_ENV=production refuses VAT_CHECK=offline: VAT numbers must be checked with VIES.')
  }
  if (env.NODE_ENV === 'production' && env.APP_ORIGIN?.startsWith('http://')) {
    // Without https there is no HSTS and no Secure cookie; the privacy policy promises SSL only.
    throw new ConfigError(`NODE_ENV=production refuses the http:// APP_ORIGIN ${env.APP_ORIGIN}: the site must be served over https.`)
  }
  if (env.LISTEN_SOCKET) {
    const folder = path.dirname(env.LISTEN_SOCKET)
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new ConfigError(`LISTEN_SOCKET=${env.LISTEN_SOCKET}: the folder ${folder} does not exist. Create it (e.g. owned by the app's user, group www-data, mode 0750).`)
    }
  }
  const appOrigin = env.APP_ORIGIN ?? `http://localhost:${env.PORT}`
  if (env.DEV_MAILBOX === 'on') {
    // The dev mailbox shows every mail, password-reset links included: only for one person trying
    // the site on their own machine, never for a server others can reach.
    const reasons = [
      env.NODE_ENV === 'production' && 'NODE_ENV=production',
      env.SMTP_URL && 'SMTP_URL is set (mail goes out for real)',
      !isLoopbackAddress(env.HOST) && `HOST=${env.HOST} is not a loopback address`,
      appOrigin.startsWith('https://') && `APP_ORIGIN ${appOrigin} is public (https)`,
      env.TRUST_PROXY !== 0 && 'TRUST_PROXY is set (a proxy passes on requests from anyone)',
    ].filter(Boolean)
    if (reasons.length > 0) {
      throw new ConfigError(
        `DEV_MAILBOX=on refused: ${reasons.join('; ')}. The dev mailbox shows password-reset links to whoever opens it; ` +
          'it is for a local try-out only. Set DEV_MAILBOX=off (and SMTP_URL for real mail), or start the server with `pnpm --filter @jouwbot/server start`.',
      )
    }
  }
  return { ...env, APP_ORIGIN: appOrigin }
}

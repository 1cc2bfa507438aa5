import { createCaller, createContextInner, type AppDeps } from '@jouwbot/api'
import { validateSessionToken } from '@jouwbot/auth'

/**
 * Calls procedures the way a browser would: it keeps the session cookie the server sets and
 * sends it back, resolved exactly like the HTTP adapter does.
 */
export class TestClient {
  token: string | null = null
  /** The device cookie the server set after a right password (sent back like a browser does). */
  deviceCookie: string | null = null
  /** Calls as if from this machine itself (loopback peer, no proxy): what the dev mailbox asks. */
  local = false
  constructor(
    private readonly deps: AppDeps,
    readonly ip = '203.0.113.7',
    readonly userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
  ) {}

  async api() {
    const validation = this.token ? await validateSessionToken(this.deps.db, this.token, this.deps.clock.now()) : null
    const ctx = createContextInner({
      deps: this.deps,
      session: validation?.session ?? null,
      user: validation?.user ?? null,
      cookies: {
        set: (token) => {
          this.token = token
        },
        clear: () => {
          this.token = null
        },
        setDevice: (value) => {
          this.deviceCookie = value
        },
      },
      request: { requestId: 'test-request', ip: this.ip, userAgent: this.userAgent, local: this.local, deviceCookie: this.deviceCookie },
    })
    return settling(createCaller(ctx), () => this.deps.afterAnswer.settled())
  }
}

/**
 * The caller, with every call's promise settling only once the work it left for after its answer
 * (`afterAnswer`: the account a sign-up creates, a reset mail) has finished — as a member reads the
 * mail a moment after the answer. The answer itself came first, as over HTTP.
 */
function settling<T extends object>(target: T, settle: () => Promise<void>): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key)
      return (typeof value === 'function' || (typeof value === 'object' && value !== null)) && key !== 'then' ? settling(value, settle) : value
    },
    apply(fn, thisArg, args) {
      const result: unknown = Reflect.apply(fn as (...a: unknown[]) => unknown, thisArg, args)
      if (!(result instanceof Promise)) return result
      return result.then(
        async (value: unknown) => {
          await settle()
          return value
        },
        async (error: unknown) => {
          await settle()
          throw error
        },
      )
    },
  })
}

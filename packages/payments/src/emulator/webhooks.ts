import http from 'node:http'
import https from 'node:https'

/** One attempt to call a webhook, as kept in the delivery log. */
export interface WebhookDelivery {
  /** The payment id that was posted (`id=tr_…`). */
  id: string
  url: string
  /** 1 for the first try of a delivery, 2 for its first retry, … */
  attempt: number
  /** The receiver's HTTP status, or null when there was none (refused, reset, timed out). */
  statusCode: number | null
  error?: string
  at: Date
}

export interface WebhookDispatcherOptions {
  /** The waits before each retry; after the last one the delivery is given up. */
  retryDelaysMs: readonly number[]
  timeoutMs: number
  log: (message: string) => void
}

interface Job {
  paymentId: string
  url: string
}

/**
 * Calls payment webhooks the way Mollie does: `POST` with the form-encoded body `id=tr_…`, and again
 * after each delay in `retryDelaysMs` while the receiver answers something other than 2xx (or nothing).
 * HTTPS receivers are called without certificate checks (a local dev server's certificate is rarely one
 * anybody trusts). Deliveries can be held back and released later, in order or reversed, to test
 * receivers against late and out-of-order webhooks.
 */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = []
  private held: Job[] | null = null
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly inFlight = new Set<Promise<unknown>>()
  /** Bumped by reset(): work started before it no longer logs or retries. */
  private generation = 0
  private closed = false

  constructor(private readonly options: WebhookDispatcherOptions) {}

  /**
   * Starts a delivery (with retries). Resolves after its first attempt, or at once when webhooks are
   * held — so a caller awaiting it never waits for a release that it would itself have to trigger.
   */
  async enqueue(paymentId: string, url: string): Promise<void> {
    if (this.held) {
      this.held.push({ paymentId, url })
      return
    }
    await this.startDelivery({ paymentId, url })
  }

  hold(): void {
    this.held ??= []
  }

  get heldCount(): number {
    return this.held?.length ?? 0
  }

  /** Stops holding and delivers what was held, one after the other; resolves with their first attempts' statuses. */
  async release(order: 'fifo' | 'reverse' = 'fifo'): Promise<Array<number | null>> {
    const jobs = this.held ?? []
    this.held = null
    if (order === 'reverse') jobs.reverse()
    const codes: Array<number | null> = []
    for (const job of jobs) codes.push(await this.startDelivery(job))
    return codes
  }

  /** Single attempts without retries, e.g. to hand a receiver the same webhook twice at once. */
  async deliverNow(paymentId: string, url: string, times: number, concurrent: boolean): Promise<Array<number | null>> {
    if (concurrent) {
      return Promise.all(Array.from({ length: times }, () => this.track(this.attempt({ paymentId, url }, 1, this.generation))))
    }
    const codes: Array<number | null> = []
    for (let i = 0; i < times; i++) codes.push(await this.track(this.attempt({ paymentId, url }, 1, this.generation)))
    return codes
  }

  /** Resolves once no attempt is under way and no retry is waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
      else await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  /** Forgets the log, held deliveries and waiting retries (attempts under way finish unlogged). */
  reset(): void {
    this.generation++
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.held = null
    this.deliveries.length = 0
  }

  close(): void {
    this.reset()
    this.closed = true
  }

  private startDelivery(job: Job): Promise<number | null> {
    return this.track(this.attemptAndRetry(job, 1, this.generation))
  }

  /** One attempt; a failed one schedules the next before this resolves (so idle() never misses it). */
  private async attemptAndRetry(job: Job, attempt: number, generation: number): Promise<number | null> {
    const status = await this.attempt(job, attempt, generation)
    this.scheduleRetry(job, attempt, status, generation)
    return status
  }

  private scheduleRetry(job: Job, attempt: number, status: number | null, generation: number): void {
    if (isSuccess(status) || generation !== this.generation || this.closed) return
    const delay = this.options.retryDelaysMs[attempt - 1]
    if (delay === undefined) {
      this.options.log(`webhook for ${job.paymentId} to ${job.url} given up after ${attempt} attempts`)
      return
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (generation !== this.generation) return
      void this.track(this.attemptAndRetry(job, attempt + 1, generation))
    }, delay)
    this.timers.add(timer)
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise)
    void promise.finally(() => this.inFlight.delete(promise))
    return promise
  }

  private async attempt(job: Job, attempt: number, generation: number): Promise<number | null> {
    let statusCode: number | null = null
    let error: string | undefined
    try {
      statusCode = await postForm(job.url, `id=${encodeURIComponent(job.paymentId)}`, this.options.timeoutMs)
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause)
    }
    if (generation === this.generation) {
      this.deliveries.push({ id: job.paymentId, url: job.url, attempt, statusCode, ...(error ? { error } : {}), at: new Date() })
    }
    if (!isSuccess(statusCode)) this.options.log(`webhook for ${job.paymentId} to ${job.url}, attempt ${attempt}: ${statusCode ?? error}`)
    return statusCode
  }
}

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300

function postForm(url: string, body: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const headers = {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': String(Buffer.byteLength(body)),
      'User-Agent': 'Mollie HTTP client/1.0 (Jouw Bot emulator)',
      Accept: '*/*',
    }
    const request =
      target.protocol === 'https:'
        ? https.request(target, { method: 'POST', headers, agent: false, rejectUnauthorized: false })
        : http.request(target, { method: 'POST', headers, agent: false })
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    request.on('response', (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', reject)
    request.end(body)
  })
}

import { ManyChatError, type ChatContact, type ManyChatGateway } from './gateway.ts'

export const MANYCHAT_API_ENDPOINT = 'https://api.manychat.com'

export interface ManyChatClientOptions {
  apiKey: string
  /** Defaults to ManyChat itself; tests pass the emulator's address. */
  apiEndpoint?: string
  /** Per request, in milliseconds (default 15 s). */
  timeoutMs?: number
  fetch?: typeof fetch
}

interface ApiAnswer {
  status?: string
  message?: string
  data?: unknown
}

/** ManyChat's public API through `fetch` (no SDK exists; the API is four plain JSON calls for us). */
export function createManyChatGateway(options: ManyChatClientOptions): ManyChatGateway {
  const base = (options.apiEndpoint ?? MANYCHAT_API_ENDPOINT).replace(/\/+$/, '')
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 15_000

  async function call(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>, allowNotFound = false): Promise<ApiAnswer | null> {
    let response: Response
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new ManyChatError(`ManyChat could not be reached: ${(error as Error).message}`, undefined)
    }
    const text = await response.text()
    let answer: ApiAnswer = {}
    try {
      answer = text ? (JSON.parse(text) as ApiAnswer) : {}
    } catch {
      // A proxy's HTML error page: reported below by status.
    }
    // Not found: ManyChat answers success without a subscriber (no data, an empty object or list).
    const hasId = Boolean(answer.data && typeof answer.data === 'object' && 'id' in answer.data)
    if (allowNotFound && (response.status === 404 || (response.ok && answer.status === 'success' && !hasId))) return null
    if (!response.ok || answer.status !== 'success') {
      throw new ManyChatError(`ManyChat ${method} ${path.split('?')[0]}: ${response.status} ${answer.message ?? ''}`.trim(), response.status)
    }
    return answer
  }

  const subscriberIdOf = (answer: ApiAnswer | null): string => {
    const id = (answer?.data as { id?: unknown } | undefined)?.id
    if (typeof id !== 'string' && typeof id !== 'number') throw new ManyChatError('ManyChat answered without a subscriber id', undefined)
    return String(id)
  }

  /** ManyChat's subscriber ids are integers on the wire; we keep them as text. */
  const wireId = (id: string): string | number => (/^\d{1,15}$/.test(id) ? Number(id) : id)

  return {
    async findByEmail(email) {
      const answer = await call('GET', `/fb/subscriber/findBySystemField?email=${encodeURIComponent(email)}`, undefined, true)
      return answer ? { subscriberId: subscriberIdOf(answer) } : null
    },
    async createSubscriber(contact: ChatContact) {
      const answer = await call('POST', '/fb/subscriber/createSubscriber', {
        first_name: contact.firstName,
        last_name: contact.lastName,
        email: contact.email,
        has_opt_in_email: true,
        consent_phrase: 'Jouw Bot privacy centre: chat with us on Messenger',
      })
      return { subscriberId: subscriberIdOf(answer) }
    },
    async updateSubscriber(subscriberId, contact) {
      await call('POST', '/fb/subscriber/updateSubscriber', {
        subscriber_id: wireId(subscriberId),
        first_name: contact.firstName,
        last_name: contact.lastName,
        email: contact.email,
      })
    },
    async clearSubscriber(subscriberId) {
      await call('POST', '/fb/subscriber/updateSubscriber', {
        subscriber_id: wireId(subscriberId),
        first_name: '',
        last_name: '',
        email: '',
        has_opt_in_email: false,
      })
    },
  }
}

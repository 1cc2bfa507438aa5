import { describe, expect, test } from 'vitest'
import { ManyChatError } from './gateway.ts'
import { createManyChatGateway } from './manychat-client.ts'

interface Sent {
  url: string
  method: string
  headers: Record<string, string>
  body: unknown
}

/** A fetch that records what the client sends and answers with the given status and JSON. */
function fakeFetch(answer: { status: number; body: unknown } | Error) {
  const sent: Sent[] = []
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
    })
    if (answer instanceof Error) throw answer
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { sent, fetchImpl }
}

describe('ManyChat client', () => {
  test('speaks to api.manychat.com with the bearer token; numeric subscriber ids go out as numbers', async () => {
    const { sent, fetchImpl } = fakeFetch({ status: 200, body: { status: 'success', data: { id: 1234567 } } })
    const gateway = createManyChatGateway({ apiKey: '123:abc', fetch: fetchImpl })
    await gateway.updateSubscriber('1234567', { firstName: 'Sanne', lastName: 'de Vries', email: 'sanne@example.nl' })
    expect(sent[0]).toMatchObject({
      url: 'https://api.manychat.com/fb/subscriber/updateSubscriber',
      method: 'POST',
      headers: expect.objectContaining({ authorization: 'Bearer 123:abc' }),
      body: { subscriber_id: 1234567, first_name: 'Sanne', last_name: 'de Vries', email: 'sanne@example.nl' },
    })
    await gateway.clearSubscriber('1234567')
    expect(sent[1]!.body).toEqual({ subscriber_id: 1234567, first_name: '', last_name: '', email: '', has_opt_in_email: false })
  })

  test('a lookup without a subscriber is null, whatever empty shape ManyChat answers with', async () => {
    for (const data of [undefined, null, {}, []]) {
      const { sent, fetchImpl } = fakeFetch({ status: 200, body: { status: 'success', data } })
      expect(await createManyChatGateway({ apiKey: 'k', fetch: fetchImpl }).findByEmail('a+b@example.nl')).toBeNull()
      expect(sent[0]!.url).toBe('https://api.manychat.com/fb/subscriber/findBySystemField?email=a%2Bb%40example.nl')
    }
    const { fetchImpl } = fakeFetch({ status: 200, body: { status: 'success', data: { id: 42, email: 'a@example.nl' } } })
    expect(await createManyChatGateway({ apiKey: 'k', fetch: fetchImpl }).findByEmail('a@example.nl')).toEqual({ subscriberId: '42' })
  })

  test('errors and unreachable servers become ManyChatError (the job retries), without the address in the message', async () => {
    const { fetchImpl } = fakeFetch({ status: 400, body: { status: 'error', message: 'Validation error' } })
    const refused = createManyChatGateway({ apiKey: 'k', fetch: fetchImpl }).findByEmail('geheim@example.nl')
    await expect(refused).rejects.toBeInstanceOf(ManyChatError)
    await expect(refused).rejects.toMatchObject({ statusCode: 400, message: expect.not.stringContaining('geheim') })
    const down = fakeFetch(new TypeError('fetch failed'))
    await expect(createManyChatGateway({ apiKey: 'k', fetch: down.fetchImpl }).createSubscriber({ firstName: 'A', lastName: 'B', email: 'c@example.nl' })).rejects.toMatchObject({
      name: 'ManyChatError',
      statusCode: undefined,
    })
    const odd = fakeFetch({ status: 200, body: { status: 'success', data: {} } })
    await expect(createManyChatGateway({ apiKey: 'k', fetch: odd.fetchImpl }).createSubscriber({ firstName: 'A', lastName: 'B', email: 'c@example.nl' })).rejects.toThrow(
      'without a subscriber id',
    )
  })
})

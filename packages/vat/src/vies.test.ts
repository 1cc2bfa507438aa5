import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createViesVatChecker } from './vies.ts'

/** A local stand-in for https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number. */
let server: Server
let endpoint: string
let handler: (body: Record<string, unknown>, res: ServerResponse) => void
let requests: { method?: string; url?: string; contentType?: string; body: Record<string, unknown> }[]

const now = () => new Date('2026-11-25T10:00:00Z')

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** The documented answer for a valid number (VIES REST, POST check-vat-number). */
function viesAnswer(overrides: Record<string, unknown> = {}) {
  return {
    countryCode: 'NL',
    vatNumber: '004495445B01',
    requestDate: '2026-11-25T09:59:58.123Z',
    valid: true,
    requestIdentifier: '',
    name: 'KEIJZER MEDIA B.V.',
    address: 'STERRENLAAN 00218\n2402BD ALPHEN AAN DEN RIJN',
    traderName: '---',
    traderStreet: '---',
    traderPostalCode: '---',
    traderCity: '---',
    traderCompanyType: '---',
    traderNameMatch: 'NOT_PROCESSED',
    traderStreetMatch: 'NOT_PROCESSED',
    traderPostalCodeMatch: 'NOT_PROCESSED',
    traderCityMatch: 'NOT_PROCESSED',
    traderCompanyTypeMatch: 'NOT_PROCESSED',
    ...overrides,
  }
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
      requests.push({ method: req.method, url: req.url, contentType: req.headers['content-type'], body })
      handler(body, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taxation_customs/vies/rest-api/check-vat-number`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => {
  requests = []
  handler = (_body, res) => json(res, 200, viesAnswer())
})

describe('VIES VAT checker', () => {
  test('posts { countryCode, vatNumber } as JSON and maps a valid answer', async () => {
    const result = await createViesVatChecker({ endpoint, now }).check('NL', '004495445B01')
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/taxation_customs/vies/rest-api/check-vat-number',
        contentType: 'application/json',
        body: { countryCode: 'NL', vatNumber: '004495445B01' },
      },
    ])
    expect(result).toEqual({
      status: 'valid',
      countryCode: 'NL',
      number: '004495445B01',
      name: 'KEIJZER MEDIA B.V.',
      address: 'STERRENLAAN 00218\n2402BD ALPHEN AAN DEN RIJN',
      checkedAt: new Date('2026-11-25T09:59:58.123Z'),
      source: 'vies',
      requestIdentifier: null,
      errorCode: null,
    })
  })

  test('"---" for name and address (a member state that does not share them) becomes null', async () => {
    handler = (_body, res) => json(res, 200, viesAnswer({ countryCode: 'DE', vatNumber: '136308783', name: '---', address: '---' }))
    const result = await createViesVatChecker({ endpoint, now }).check('DE', '136308783')
    expect(result).toMatchObject({ status: 'valid', name: null, address: null })
  })

  test('sends our own number as requester and keeps the consultation number', async () => {
    handler = (_body, res) => json(res, 200, viesAnswer({ requestIdentifier: 'WAPIAAAAXyz12345' }))
    const checker = createViesVatChecker({ endpoint, now, requester: { countryCode: 'NL', number: '8143.26.584.B.01' } })
    const result = await checker.check('NL', '004495445B01')
    expect(requests[0]?.body).toEqual({ countryCode: 'NL', vatNumber: '004495445B01', requesterMemberStateCode: 'NL', requesterNumber: '814326584B01' })
    expect(result.requestIdentifier).toBe('WAPIAAAAXyz12345')
  })

  test('an unregistered number is invalid, without name or address', async () => {
    handler = (body, res) => json(res, 200, viesAnswer({ vatNumber: body.vatNumber, valid: false, name: '---', address: '---' }))
    const result = await createViesVatChecker({ endpoint, now }).check('NL', '123456789B90')
    expect(result).toMatchObject({ status: 'invalid', countryCode: 'NL', number: '123456789B90', name: null, address: null, source: 'vies', errorCode: null })
  })

  test('compacts the number and sends Greece as EL', async () => {
    await createViesVatChecker({ endpoint, now }).check('gr', '094 012.834')
    expect(requests[0]?.body).toEqual({ countryCode: 'EL', vatNumber: '094012834' })
  })

  test('a non-EU country is invalid without asking VIES', async () => {
    const result = await createViesVatChecker({ endpoint, now }).check('GB', '123456789')
    expect(result).toMatchObject({ status: 'invalid', errorCode: 'INVALID_INPUT', checkedAt: now() })
    expect(requests).toHaveLength(0)
  })

  test.each(['MS_UNAVAILABLE', 'TIMEOUT', 'SERVICE_UNAVAILABLE', 'MS_MAX_CONCURRENT_REQ', 'GLOBAL_MAX_CONCURRENT_REQ'])(
    'the VIES error %s (errorWrappers, actionSucceed: false) is unavailable',
    async (error) => {
      handler = (_body, res) => json(res, 200, { actionSucceed: false, errorWrappers: [{ error, message: 'try again later' }] })
      const result = await createViesVatChecker({ endpoint, now }).check('DE', '136308783')
      expect(result).toEqual({
        status: 'unavailable',
        countryCode: 'DE',
        number: '136308783',
        name: null,
        address: null,
        checkedAt: now(),
        source: 'vies',
        requestIdentifier: null,
        errorCode: error,
      })
    },
  )

  test('an error wrapper sent with a 500 is unavailable and keeps its code', async () => {
    handler = (_body, res) => json(res, 500, { actionSucceed: false, errorWrappers: [{ error: 'MS_UNAVAILABLE' }] })
    const result = await createViesVatChecker({ endpoint, now }).check('IT', '00118439991')
    expect(result).toMatchObject({ status: 'unavailable', errorCode: 'MS_UNAVAILABLE' })
  })

  test('a transient userError in an otherwise normal answer is unavailable, not invalid', async () => {
    handler = (_body, res) => json(res, 200, { isValid: false, userError: 'MS_UNAVAILABLE', name: '---', address: '---' })
    const result = await createViesVatChecker({ endpoint, now }).check('DE', '136308783')
    expect(result).toMatchObject({ status: 'unavailable', errorCode: 'MS_UNAVAILABLE' })
  })

  test('INVALID_INPUT (VIES cannot even look the number up) is invalid', async () => {
    handler = (_body, res) => json(res, 400, { actionSucceed: false, errorWrappers: [{ error: 'INVALID_INPUT' }] })
    const result = await createViesVatChecker({ endpoint, now }).check('DE', '12')
    expect(result).toMatchObject({ status: 'invalid', errorCode: 'INVALID_INPUT' })
  })

  test('a bare 500, a 503 and a 429 are unavailable', async () => {
    const checker = createViesVatChecker({ endpoint, now })
    for (const status of [500, 503, 429]) {
      handler = (_body, res) => {
        res.writeHead(status, { 'content-type': 'text/html' })
        res.end('<html>Service Unavailable</html>')
      }
      expect(await checker.check('NL', '004495445B01')).toMatchObject({ status: 'unavailable', errorCode: `HTTP_${status}` })
    }
  })

  test('an answer that is not the documented JSON is unavailable', async () => {
    const checker = createViesVatChecker({ endpoint, now })
    handler = (_body, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>maintenance</html>')
    }
    expect(await checker.check('NL', '004495445B01')).toMatchObject({ status: 'unavailable', errorCode: 'BAD_RESPONSE' })
    handler = (_body, res) => json(res, 200, { countryCode: 'NL' })
    expect(await checker.check('NL', '004495445B01')).toMatchObject({ status: 'unavailable', errorCode: 'BAD_RESPONSE' })
  })

  test('a slow VIES is unavailable after timeoutMs, whether it stalls before the headers or in the body', async () => {
    const checker = createViesVatChecker({ endpoint, now, timeoutMs: 150 })
    handler = () => {} // never answers
    const started = Date.now()
    expect(await checker.check('NL', '004495445B01')).toMatchObject({ status: 'unavailable', errorCode: 'TIMEOUT' })
    expect(Date.now() - started).toBeLessThan(2000)

    handler = (_body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"valid":')
    }
    expect(await checker.check('NL', '004495445B01')).toMatchObject({ status: 'unavailable', errorCode: 'TIMEOUT' })
  })

  test('a network error (nothing listening) is unavailable', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const result = await createViesVatChecker({ endpoint: `http://127.0.0.1:${port}/check-vat-number`, now }).check('NL', '004495445B01')
    expect(result).toMatchObject({ status: 'unavailable', errorCode: 'NETWORK_ERROR', source: 'vies' })
  })

  test('uses the injected fetch and falls back to now() when requestDate is missing', async () => {
    const calls: string[] = []
    const fakeFetch: typeof globalThis.fetch = async (input) => {
      calls.push(String(input))
      return new Response(JSON.stringify({ valid: true, name: 'ACME', address: '---' }), { status: 200 })
    }
    const result = await createViesVatChecker({ fetch: fakeFetch, now }).check('BE', '0202239951')
    expect(calls).toEqual(['https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number'])
    expect(result).toMatchObject({ status: 'valid', name: 'ACME', address: null, checkedAt: now() })
  })
})

/**
 * Mollie's error shape: `{ status, title, detail, field?, _links: { documentation } }` as
 * `application/hal+json`. The official client turns it into an `ApiError` with `statusCode` and `field`.
 */
export interface MollieErrorBody {
  status: number
  title: string
  detail: string
  field?: string
  _links: { documentation: { href: string; type: 'text/html' } }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

const ERROR_DOCUMENTATION = 'https://docs.mollie.com/overview/handling-errors'

export function mollieErrorBody(status: number, detail: string, field?: string): MollieErrorBody {
  return {
    status,
    title: TITLES[status] ?? 'Error',
    detail,
    ...(field === undefined ? {} : { field }),
    _links: { documentation: { href: ERROR_DOCUMENTATION, type: 'text/html' } },
  }
}

/** Thrown inside request handling; the API handler answers it in Mollie's error shape. */
export class MollieApiProblem extends Error {
  override name = 'MollieApiProblem'
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly field?: string,
  ) {
    super(detail)
  }
}

/** Thrown by the test controls when asked for something the real Mollie would never do (a paid payment going back to open). */
export class EmulatorStateError extends Error {
  override name = 'EmulatorStateError'
}

import { TRPCClientError } from '@trpc/client'
import { expect, test } from 'vitest'
import { describeError, issuesToFieldErrors } from './errors.ts'

function serverError(data: Record<string, unknown>, message = String(data.key)) {
  return TRPCClientError.from({ error: { message, code: -32600, data } })
}

test('a known key is shown as it is, with field errors', () => {
  const details = describeError(
    serverError({ key: 'error.invalidInput', code: 'BAD_REQUEST', fieldErrors: { email: ['validation.email'], x: ['nope'] } }),
  )
  expect(details).toMatchObject({
    key: 'error.invalidInput',
    messageKey: 'error.invalidInput',
    fieldErrors: { email: 'validation.email', x: 'validation.invalid' },
  })
})

test('unknown keys and error.generic become the generic message with the request id', () => {
  expect(describeError(serverError({ key: 'db.exploded', requestId: 'r-1' }))).toMatchObject({
    messageKey: 'error.generic',
    values: { requestId: 'r-1' },
  })
  expect(describeError(serverError({ key: 'error.generic' }))).toMatchObject({ messageKey: 'error.genericNoCode' })
})

test('rate limits round the wait up to whole minutes', () => {
  expect(describeError(serverError({ key: 'error.tooManyRequests', retryAfterSeconds: 301 }))).toMatchObject({
    messageKey: 'error.tooManyRequests',
    values: { minutes: 6 },
  })
  expect(describeError(serverError({ key: 'error.tooManyRequests', retryAfterSeconds: 20 })).messageKey).toBe(
    'error.tooManyRequestsSoon',
  )
  expect(describeError(serverError({ key: 'error.tooManyRequests' })).messageKey).toBe('error.tooManyRequestsLater')
})

test('no answer at all is a network error', () => {
  expect(describeError(TRPCClientError.from(new TypeError('Failed to fetch'))).messageKey).toBe('error.network')
  expect(describeError(new Error('boom')).messageKey).toBe('error.network')
})

test('zod issues map to the first message per field', () => {
  expect(
    issuesToFieldErrors([
      { path: ['email'], message: 'validation.email' },
      { path: ['email'], message: 'validation.emailTooLong' },
      { path: ['password'], message: 'Too small' },
    ]),
  ).toEqual({ email: 'validation.email', password: 'validation.invalid' })
})

test('a throttled log-in says so, with the minutes to wait', () => {
  expect(describeError(serverError({ key: 'auth.logInThrottled', retryAfterSeconds: 61 }))).toMatchObject({
    key: 'auth.logInThrottled',
    messageKey: 'auth.logInThrottled',
    values: { minutes: 2 },
  })
})

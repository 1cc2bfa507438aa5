import { describe, expect, test } from 'vitest'
import type { Response } from 'express'
import { cookies as declaredCookies } from '@jouwbot/api/privacy'
import { PREFS_COOKIE } from '@jouwbot/shared'
import { DEVICE_COOKIE, SESSION_COOKIE, sessionCookies } from './cookies.ts'
import { STATS_COOKIE } from './marketing/stats-collect.ts'

function fakeResponse() {
  const headers: string[] = []
  const res = { append: (_name: string, value: string) => headers.push(value) } as unknown as Response
  return { res, headers }
}

describe('session cookie', () => {
  test('is Secure, HttpOnly and SameSite=Lax when the site runs on https', () => {
    const { res, headers } = fakeResponse()
    sessionCookies(res, true).set('abc.def', new Date('2030-01-01T00:00:00Z'))
    expect(headers[0]).toMatch(/^jb_session=abc\.def;/)
    expect(headers[0]).toMatch(/; Secure/)
    expect(headers[0]).toMatch(/; HttpOnly/)
    expect(headers[0]).toMatch(/; SameSite=Lax/)
    expect(headers[0]).toMatch(/Expires=Tue, 01 Jan 2030/)
  })

  test('clearing sends an empty, already expired cookie', () => {
    const { res, headers } = fakeResponse()
    sessionCookies(res, true).clear()
    expect(headers[0]).toMatch(/^jb_session=; Max-Age=0/)
  })
})

test('every cookie the server sets or reads is declared on /privacy', () => {
  const declared = declaredCookies.filter((c) => c.kind === 'cookie').map((c) => c.name)
  expect(declared.sort()).toEqual([SESSION_COOKIE, DEVICE_COOKIE, PREFS_COOKIE, STATS_COOKIE].sort())
})

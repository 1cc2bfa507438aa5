import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { envVariableNames, loadEnv, repoRoot } from './env.ts'

describe('configuration', () => {
  test('development runs on embedded defaults', () => {
    const env = loadEnv({})
    expect(env.NODE_ENV).toBe('development')
    expect(env.PORT).toBe(3000)
    expect(env.APP_ORIGIN).toBe('http://localhost:3000')
    expect(env.DATABASE_URL).toBeUndefined()
  })

  test('production without database, secrets or mail server refuses to start, naming each', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      /refuses to start without DATABASE_URL, APP_ORIGIN, SESSION_SECRET, ENCRYPTION_KEYS, SMTP_URL, MOLLIE_API_KEY, SELLER_NAME, SELLER_ADDRESS, SELLER_KVK, SELLER_VAT_NUMBER, SELLER_EMAIL/,
    )
    expect(() =>
      loadEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/jouwbot',
        APP_ORIGIN: 'https://jouwbot.nl',
        SESSION_SECRET: 'x'.repeat(40),
        ENCRYPTION_KEYS: 'k1:AAAA',
      }),
    ).toThrow(/without SMTP_URL, MOLLIE_API_KEY/)
  })

  test('a complete production configuration is accepted', () => {
    const env = loadEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/jouwbot',
      APP_ORIGIN: 'https://jouwbot.nl/',
      SESSION_SECRET: 'x'.repeat(40),
      ENCRYPTION_KEYS: 'k1:AAAA',
      SMTP_URL: 'smtp://mail.example:587',
      MOLLIE_API_KEY: `live_${'a'.repeat(30)}`,
      SELLER_NAME: 'Keijzer Media',
      SELLER_ADDRESS: 'Sterrenlaan 218|2402 BD Alphen aan den Rijn',
      SELLER_KVK: '65529308',
      SELLER_VAT_NUMBER: 'NL219943515B01',
      SELLER_EMAIL: 'robin@jouwbot.nl',
    })
    expect(env.APP_ORIGIN).toBe('https://jouwbot.nl')
  })

  test('production refuses the offline VAT check (reverse charge would go unchecked)', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/jouwbot',
      APP_ORIGIN: 'https://jouwbot.nl',
      SESSION_SECRET: 'x'.repeat(40),
      ENCRYPTION_KEYS: 'k1:AAAA',
      SMTP_URL: 'smtp://mail.example:587',
      MOLLIE_API_KEY: `live_${'a'.repeat(30)}`,
      SELLER_NAME: 'Keijzer Media',
      SELLER_ADDRESS: 'Sterrenlaan 218|2402 BD Alphen aan den Rijn',
      SELLER_KVK: '65529308',
      SELLER_VAT_NUMBER: 'NL219943515B01',
      SELLER_EMAIL: 'robin@jouwbot.nl',
    }
    expect(() => loadEnv({ ...production, VAT_CHECK: 'offline' })).toThrow(/refuses VAT_CHECK=offline/)
    expect(loadEnv({ ...production, VAT_CHECK: 'vies' }).VAT_CHECK).toBe('vies')
  })

  test('the dev mailbox is off unless asked for, and the server listens on loopback unless told otherwise', () => {
    const env = loadEnv({})
    expect(env.DEV_MAILBOX).toBe('off')
    expect(env.HOST).toBe('127.0.0.1')
    expect(loadEnv({ DEV_MAILBOX: 'on' }).DEV_MAILBOX).toBe('on')
    expect(loadEnv({ DEV_MAILBOX: 'on', HOST: '::1' }).HOST).toBe('::1')
    expect(loadEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0')
  })

  test('LISTEN_SOCKET: an absolute socket path in a folder that exists, or a clear message', () => {
    expect(loadEnv({}).LISTEN_SOCKET).toBeUndefined()
    const folder = tmpdir()
    expect(loadEnv({ LISTEN_SOCKET: path.join(folder, 'jouwbot.sock') }).LISTEN_SOCKET).toBe(path.join(folder, 'jouwbot.sock'))
    expect(() => loadEnv({ LISTEN_SOCKET: 'run/jouwbot.sock' })).toThrow(/LISTEN_SOCKET: must be an absolute, normalised path/)
    expect(() => loadEnv({ LISTEN_SOCKET: '/run/../tmp/jouwbot.sock' })).toThrow(/LISTEN_SOCKET: must be an absolute, normalised path/)
    expect(() => loadEnv({ LISTEN_SOCKET: `/run/${'x'.repeat(110)}.sock` })).toThrow(/LISTEN_SOCKET: is too long for a Unix socket path/)
    expect(() => loadEnv({ LISTEN_SOCKET: path.join(folder, 'no-such-folder-jouwbot', 'app.sock') })).toThrow(/LISTEN_SOCKET=.*the folder .*no-such-folder-jouwbot does not exist/)
  })

  test('the dev mailbox is refused on any server others can reach', () => {
    const refused = (extra: Record<string, string>, reason: RegExp) =>
      expect(() => loadEnv({ DEV_MAILBOX: 'on', ...extra }), JSON.stringify(extra)).toThrow(reason)
    refused({ HOST: '0.0.0.0' }, /DEV_MAILBOX=on refused: HOST=0\.0\.0\.0 is not a loopback address/)
    refused({ HOST: '::' }, /HOST=:: is not a loopback address/)
    refused({ HOST: '192.168.1.20' }, /not a loopback address/)
    refused({ APP_ORIGIN: 'https://staging.jouwbot.nl' }, /APP_ORIGIN https:\/\/staging\.jouwbot\.nl is public/)
    refused({ TRUST_PROXY: '1' }, /TRUST_PROXY is set/)
    refused({ SMTP_URL: 'smtp://mail.example:587' }, /SMTP_URL is set/)
    refused({ NODE_ENV: 'production' }, /NODE_ENV=production|refuses to start/)
  })

  test('production refuses an http:// origin (no HSTS, no Secure cookies)', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/jouwbot',
      SESSION_SECRET: 'x'.repeat(40),
      ENCRYPTION_KEYS: 'k1:AAAA',
      SMTP_URL: 'smtp://mail.example:587',
      MOLLIE_API_KEY: `live_${'a'.repeat(30)}`,
      SELLER_NAME: 'Keijzer Media',
      SELLER_ADDRESS: 'Sterrenlaan 218|2402 BD Alphen aan den Rijn',
      SELLER_KVK: '65529308',
      SELLER_VAT_NUMBER: 'NL219943515B01',
      SELLER_EMAIL: 'robin@jouwbot.nl',
    }
    expect(() => loadEnv({ ...production, APP_ORIGIN: 'http://jouwbot.nl' })).toThrow(/refuses the http:\/\/ APP_ORIGIN http:\/\/jouwbot\.nl/)
    expect(loadEnv({ ...production, APP_ORIGIN: 'https://jouwbot.nl' }).APP_ORIGIN).toBe('https://jouwbot.nl')
  })

  test('malformed values get a clear message', () => {
    const load = () => loadEnv({ DATABASE_URL: 'mysql://x', PORT: 'abc' })
    expect(load).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/)
    expect(load).toThrow(/- PORT: /)
  })

  test('.env.example documents every variable the server reads', () => {
    const example = readFileSync(`${repoRoot}.env.example`, 'utf8')
    expect(envVariableNames.filter((name) => !new RegExp(`^${name}=`, 'm').test(example))).toEqual([])
  })
})

import { describe, expect, test } from 'vitest'
import { createOfflineVatChecker } from './checker.ts'

const now = () => new Date('2026-11-25T10:00:00Z')

describe('offline VAT checker', () => {
  test('a plausible number is valid, from source "offline"', async () => {
    const result = await createOfflineVatChecker({ now }).check('NL', '004495445B01')
    expect(result).toEqual({
      status: 'valid',
      countryCode: 'NL',
      number: '004495445B01',
      name: null,
      address: null,
      checkedAt: now(),
      source: 'offline',
      requestIdentifier: null,
    })
  })

  test('a wrong check digit, a bad format and a non-EU country are invalid', async () => {
    const checker = createOfflineVatChecker({ now })
    expect((await checker.check('NL', '004495446B01')).status).toBe('invalid')
    expect((await checker.check('DE', '12345')).status).toBe('invalid')
    expect((await checker.check('GB', '123456789')).status).toBe('invalid')
  })

  test('compacts its input and reports Greece as EL', async () => {
    const result = await createOfflineVatChecker({ now }).check('gr', '094 012 834')
    expect(result).toMatchObject({ status: 'valid', countryCode: 'EL', number: '094012834' })
  })
})

import { expect, test } from 'vitest'
import { formatMoney } from '@jouwbot/shared/money'
import { centsToEuros, eurosToCents } from './money.ts'

test('euro amounts as admins type them', () => {
  expect(eurosToCents('')).toBeNull()
  expect(eurosToCents('  ')).toBeNull()
  expect(eurosToCents('297')).toBe(29_700)
  expect(eurosToCents('297,5')).toBe(29_750)
  expect(eurosToCents('297.50')).toBe(29_750)
  expect(eurosToCents('€ 1.297,50')).toBe(129_750)
  expect(eurosToCents('1,297.50')).toBe(129_750)
  expect(eurosToCents('1297')).toBe(129_700)
  expect(eurosToCents('0,05')).toBe(5)
  expect(eurosToCents('12,345')).toBe(1_234_500)
  expect(eurosToCents('abc')).toBeNaN()
  expect(eurosToCents('1,2,3')).toBeNaN()
  expect(eurosToCents('-5')).toBeNaN()
})

test('cents back to an editable amount and for display', () => {
  expect(centsToEuros(29_750, 'nl')).toBe('297,50')
  expect(centsToEuros(29_750, 'en')).toBe('297.50')
  expect(formatMoney(26_730, 'nl')).toMatch(/^€\s267,30$/)
  expect(formatMoney(26_730, 'en')).toBe('€267.30')
})

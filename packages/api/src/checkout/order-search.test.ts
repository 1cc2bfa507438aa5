import { describe, expect, test } from 'vitest'
import { orderIdPrefixRange } from './order-search.ts'

describe('orderIdPrefixRange', () => {
  test('the order number as shown (upper case) stands for every id that starts with it', () => {
    expect(orderIdPrefixRange('1A2B3C4D')).toEqual({ from: '1a2b3c4d-0000-0000-0000-000000000000', to: '1a2b3c4d-ffff-ffff-ffff-ffffffffffff' })
    expect(orderIdPrefixRange('abc')).toEqual({ from: 'abc00000-0000-0000-0000-000000000000', to: 'abcfffff-ffff-ffff-ffff-ffffffffffff' })
  })

  test('dashes where a uuid has them, or none at all', () => {
    const id = '1a2b3c4d-5e6f-4a1b-8c2d-0123456789ab'
    expect(orderIdPrefixRange(id)).toEqual({ from: id, to: id })
    expect(orderIdPrefixRange('1a2b3c4d-5e')).toEqual({ from: '1a2b3c4d-5e00-0000-0000-000000000000', to: '1a2b3c4d-5eff-ffff-ffff-ffffffffffff' })
    expect(orderIdPrefixRange('1a2b3c4d5e')).toEqual(orderIdPrefixRange('1a2b3c4d-5e'))
    expect(orderIdPrefixRange('1a2b3c4d-')).toEqual(orderIdPrefixRange('1a2b3c4d'))
  })

  test('anything that cannot start an order id is no range', () => {
    for (const term of ['lid4242@', 'abg', '1a-2b', '-1a2b', `${'a'.repeat(33)}`, '1a2b3c4d-5e6f-4a1b-8c2d-0123456789abc', '1a2b%']) {
      expect(orderIdPrefixRange(term)).toBeNull()
    }
  })
})

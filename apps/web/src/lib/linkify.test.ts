import { expect, test } from 'vitest'
import { linkify } from './linkify.ts'

test('turns http(s) URLs into links and keeps the rest as text', () => {
  expect(linkify('Klik op https://example.com/verify-email?token=abc123. Groet')).toEqual([
    { type: 'text', text: 'Klik op ' },
    { type: 'link', text: 'https://example.com/verify-email?token=abc123', href: 'https://example.com/verify-email?token=abc123' },
    { type: 'text', text: '. Groet' },
  ])
})

test('leaves other schemes and plain text alone', () => {
  expect(linkify('javascript:alert(1) en ftp://x')).toEqual([{ type: 'text', text: 'javascript:alert(1) en ftp://x' }])
  expect(linkify('')).toEqual([])
})

test('handles several links and links in parentheses', () => {
  const parts = linkify('(http://a.test/x) en http://b.test')
  expect(parts.filter((p) => p.type === 'link').map((p) => p.text)).toEqual(['http://a.test/x', 'http://b.test'])
})

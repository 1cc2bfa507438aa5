import { describe, expect, test } from 'vitest'
import { assertValidKey, contentTypeFor } from './index.ts'

describe('storage keys', () => {
  test.each(['videos/intro.mp4', 'courses/ai-basis/lessen/les 1 (intro).mp4', 'a', 'x/y/z.v1.tar.gz', 'ünïcode/ok.txt'])('accepts %j', (key) => {
    expect(() => assertValidKey(key)).not.toThrow()
  })

  test.each(['', '/abs', '..', 'a/../b', 'a/./b', 'a//b', 'a/', 'a\\b', 'a\0b', 'a\nb', '.env', 'a'.repeat(1025), 42])('refuses %j', (key) => {
    expect(() => assertValidKey(key)).toThrow(expect.objectContaining({ code: 'invalidKey' }))
  })
})

describe('content types from the extension', () => {
  test.each([
    ['videos/intro.mp4', 'video/mp4'],
    ['hls/intro.m3u8', 'application/vnd.apple.mpegurl'],
    ['hls/intro-001.ts', 'video/mp2t'],
    ['captions/nl.vtt', 'text/vtt; charset=utf-8'],
    ['invoices/INV-1.PDF', 'application/pdf'],
    ['data.json', 'application/json; charset=utf-8'],
    ['notes.txt', 'text/plain; charset=utf-8'],
    ['img/a.png', 'image/png'],
    ['img/a.jpg', 'image/jpeg'],
    ['img/a.jpeg', 'image/jpeg'],
    ['archive.zip', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
    ['.mp4', 'application/octet-stream'],
  ])('%s → %s', (key, type) => {
    expect(contentTypeFor(key)).toBe(type)
  })
})

import { describe, expect, test } from 'vitest'
import { isLocalRequest, isLoopbackAddress } from './local-request.ts'

describe('local requests (the dev mailbox)', () => {
  test('loopback peers: 127.0.0.0/8, ::1 and IPv4-mapped 127.x; nothing else', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1', '[::1]']) {
      expect(isLoopbackAddress(address), address).toBe(true)
    }
    for (const address of ['10.0.0.1', '192.168.1.20', '::ffff:10.0.0.1', '2001:db8::1', '::', '0.0.0.0', '128.0.0.1', '', undefined, null, '127.0.0.1.evil.example']) {
      expect(isLoopbackAddress(address), String(address)).toBe(false)
    }
  })

  test('a loopback peer with a forwarding header is someone else behind a proxy on this machine', () => {
    expect(isLocalRequest('127.0.0.1', {})).toBe(true)
    expect(isLocalRequest('::ffff:127.0.0.1', { host: 'localhost:3000' })).toBe(true)
    expect(isLocalRequest('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toBe(false)
    expect(isLocalRequest('127.0.0.1', { forwarded: 'for=203.0.113.9' })).toBe(false)
    expect(isLocalRequest('127.0.0.1', { 'x-real-ip': '203.0.113.9' })).toBe(false)
    // A header claiming loopback from elsewhere changes nothing: only the socket counts.
    expect(isLocalRequest('203.0.113.9', { 'x-forwarded-for': '127.0.0.1' })).toBe(false)
    expect(isLocalRequest(undefined, {})).toBe(false)
  })
})

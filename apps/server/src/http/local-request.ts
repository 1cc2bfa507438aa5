import type { IncomingHttpHeaders } from 'node:http'
import { isIP } from 'node:net'

/**
 * A loopback address: 127.0.0.0/8, ::1, or IPv4 127.x mapped into IPv6 (`::ffff:127.0.0.1`, what a
 * dual-stack socket reports). `localhost` counts for a listen address only (it resolves to one).
 */
export function isLoopbackAddress(address: string | undefined | null): boolean {
  if (!address) return false
  if (address === 'localhost') return true
  const plain = address.replace(/^\[|\]$/g, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)
  const ip = mapped ? mapped[1]! : plain
  if (isIP(ip) === 4) return ip.startsWith('127.')
  return isIP(ip) === 6 && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(ip)
}

/** Headers a proxy adds when it passes on someone else's request. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'] as const

/**
 * The request comes from this machine itself: the socket's peer address is loopback (never a
 * header — those are the client's word) and nothing says a proxy passed it on, since a proxy on
 * this machine connects from loopback on behalf of anyone. Headers can only take trust away here.
 */
export function isLocalRequest(socketAddress: string | undefined, headers: IncomingHttpHeaders): boolean {
  return isLoopbackAddress(socketAddress) && FORWARDING_HEADERS.every((name) => headers[name] === undefined)
}

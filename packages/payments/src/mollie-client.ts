import https from 'node:https'
import { createMollieClient, type MollieClient, type MollieOptions } from '@mollie/api-client'

/**
 * `createMollieClient` with one extra CA to trust, for the emulator (or a TLS-intercepting proxy in a test
 * network). Without `trustedCa` this is exactly `createMollieClient(options)`.
 *
 * Why the detour: the official client builds its own `new https.Agent({ ca: <bundled Mozilla roots> })`
 * inside its NetworkClient constructor and offers no option to add a CA, and node-fetch refuses plain
 * http:// URLs with that agent — so an emulator must speak HTTPS with a certificate the client trusts.
 * Rather than patching the client or disabling verification, we replace `https.Agent` on the shared
 * `node:https` module object (the one the client's `require('https')` / `import https from 'https'` sees)
 * with a subclass that appends `trustedCa` to the `ca` option, only for the synchronous duration of
 * `createMollieClient`, and restore it in `finally`. Certificate and host name checks stay on: a server
 * whose certificate is not issued by `trustedCa` (or a public root) is still refused.
 */
export function createTrustingMollieClient(options: MollieOptions, trustedCa?: string): MollieClient {
  if (trustedCa === undefined) return createMollieClient(options)
  if (!trustedCa.includes('-----BEGIN CERTIFICATE-----')) throw new TypeError('trustedCa must be a PEM certificate')

  const httpsModule = https as { Agent: typeof https.Agent }
  const OriginalAgent = httpsModule.Agent
  class TrustingAgent extends OriginalAgent {
    constructor(agentOptions?: https.AgentOptions) {
      const ca = agentOptions?.ca
      const existing = ca === undefined ? [] : Array.isArray(ca) ? ca : [ca]
      // Kept-alive sockets: without them every call builds a TLS context from the client's bundled roots
      // and shakes hands again (the checkout property bench makes tens of thousands of calls).
      super({ keepAlive: true, ...agentOptions, ca: [...existing, trustedCa!] })
    }
  }
  httpsModule.Agent = TrustingAgent
  try {
    return createMollieClient(options)
  } finally {
    httpsModule.Agent = OriginalAgent
  }
}

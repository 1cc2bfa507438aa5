import { createPrivateKey, webcrypto } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { isIP } from 'node:net'
import path from 'node:path'
import type * as X509 from '@peculiar/x509'

/**
 * @peculiar/x509 needs a Reflect metadata polyfill loaded first (its dependency tsyringe checks on import).
 * Both are loaded on first use, so importing this package in production (for the gateway) neither pulls
 * them in nor patches the global `Reflect`.
 */
let x509Module: Promise<typeof X509> | undefined
const loadX509 = (): Promise<typeof X509> =>
  (x509Module ??= import('reflect-metadata').then(() => import('@peculiar/x509')))

/**
 * A certificate and its private key, both PEM. The emulator speaks HTTPS only (the official client refuses
 * plain HTTP, see ../mollie-client.ts), so it needs a CA the caller can trust and a server certificate
 * issued by it. Both are made at run time: EC P-256 keys take a few milliseconds, no openssl CLI needed.
 */
export interface PemPair {
  certPem: string
  keyPem: string
}

const EC_KEY: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' }
const EC_SIGN: EcdsaParams & Algorithm = { name: 'ECDSA', hash: 'SHA-256' }
const DAY_MS = 24 * 60 * 60 * 1000

const crypto = webcrypto as unknown as Crypto

const toPem = (der: ArrayBuffer, label: string): string => {
  const base64 = Buffer.from(der).toString('base64')
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  return toPem(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY')
}

const randomSerial = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[0]! &= 0x7f // a positive INTEGER
  return Buffer.from(bytes).toString('hex')
}

/** A fresh self-signed CA (10 years), only good for signing certificates. */
export async function createEmulatorCa(commonName = 'Jouw Bot Mollie emulator CA'): Promise<PemPair> {
  const x509 = await loadX509()
  const keys = (await crypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify'])) as CryptoKeyPair
  const now = Date.now()
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerial(),
      name: `CN=${commonName}`,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 3650 * DAY_MS),
      signingAlgorithm: EC_SIGN,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  )
  return { certPem: cert.toString('pem') + '\n', keyPem: await exportKeyPem(keys.privateKey) }
}

/**
 * A server certificate for `hosts` (IP addresses and DNS names, e.g. 127.0.0.1 and localhost), signed by
 * `ca`, valid for a year (it is made anew at every start anyway).
 */
export async function issueServerCertificate(ca: PemPair, hosts: readonly string[]): Promise<PemPair> {
  const x509 = await loadX509()
  const caCert = new x509.X509Certificate(ca.certPem)
  // Node's KeyObject has no toCryptoKey() before Node 22, so go through PKCS#8 DER.
  const caKeyDer = createPrivateKey(ca.keyPem).export({ type: 'pkcs8', format: 'der' })
  const caKey = await crypto.subtle.importKey('pkcs8', caKeyDer, EC_KEY, false, ['sign'])
  const keys = (await crypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify'])) as CryptoKeyPair
  const now = Date.now()
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(),
      subject: `CN=${hosts[0] ?? 'localhost'}`,
      issuer: caCert.subject,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 365 * DAY_MS),
      signingAlgorithm: EC_SIGN,
      publicKey: keys.publicKey,
      signingKey: caKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(hosts.map((host): { type: 'ip' | 'dns'; value: string } => ({ type: isIP(host) ? 'ip' : 'dns', value: host }))),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey, false, crypto),
      ],
    },
    crypto,
  )
  return { certPem: cert.toString('pem') + '\n', keyPem: await exportKeyPem(keys.privateKey) }
}

/**
 * The CA kept as `mollie-emulator-ca.pem` + `mollie-emulator-ca-key.pem` in `directory` (made on first
 * use), so a dev server's emulator keeps one CA across restarts and a browser or curl can be told to
 * trust it once.
 */
export async function loadOrCreateEmulatorCa(directory: string): Promise<PemPair> {
  const certFile = path.join(directory, 'mollie-emulator-ca.pem')
  const keyFile = path.join(directory, 'mollie-emulator-ca-key.pem')
  try {
    return { certPem: await readFile(certFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8') }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const ca = await createEmulatorCa()
  await mkdir(directory, { recursive: true })
  await writeFile(keyFile, ca.keyPem, { mode: 0o600 })
  await writeFile(certFile, ca.certPem)
  return ca
}

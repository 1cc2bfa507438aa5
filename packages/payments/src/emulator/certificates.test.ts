import { X509Certificate } from 'node:crypto'
import { expect, test } from 'vitest'
import { createEmulatorCa, issueServerCertificate } from './certificates.ts'

test('the server certificate is issued by the CA for the given IPs and names only', async () => {
  const ca = await createEmulatorCa()
  const server = await issueServerCertificate(ca, ['127.0.0.1', 'localhost'])
  const caCert = new X509Certificate(ca.certPem)
  const cert = new X509Certificate(server.certPem)

  expect(caCert.ca).toBe(true)
  expect(cert.ca).toBe(false)
  expect(cert.checkIssued(caCert)).toBe(true)
  expect(cert.verify(caCert.publicKey)).toBe(true)
  expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1')
  expect(cert.checkHost('localhost')).toBe('localhost')
  expect(cert.checkIP('127.0.0.2')).toBeUndefined()
  expect(cert.checkHost('api.mollie.com')).toBeUndefined()
  expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.1') // serverAuth
  expect(cert.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' })

  const other = await createEmulatorCa()
  expect(cert.verify(new X509Certificate(other.certPem).publicKey)).toBe(false)
})

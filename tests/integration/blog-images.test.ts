import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server.close()
})

/** A 3000×2000 camera JPEG lying on its side (EXIF orientation 6) with a GPS-free but telling EXIF field. */
const cameraJpeg = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#5b3df5' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Sanne de Vries', Copyright: 'Privé' } })
    .withMetadata({ orientation: 6 })
    .toBuffer()

const upload = (cookie: string, body: Buffer | string, contentType = 'image/jpeg') =>
  fetch(`${server.url}/admin/blog/images`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url, 'Content-Type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) })

describe('post images', () => {
  test('an admin uploads a photo: stored upright, at most 1600 px wide, as WebP and AVIF without EXIF', async () => {
    const admin = await createMember(server.deps)
    await makeStaff(server.deps, admin)
    const original = await cameraJpeg()
    expect((await sharp(original).metadata()).exif).toBeDefined()
    const response = await upload(`jb_session=${admin.client.token}`, original)
    expect(response.status).toBe(201)
    const stored = (await response.json()) as { key: string; url: string; width: number; height: number }
    expect(stored.url).toMatch(/^\/blog\/images\/[0-9a-f-]{36}\.webp$/)
    // Orientation 6 turns 3000×2000 into 2000×3000; then resized to 1600 wide.
    expect([stored.width, stored.height]).toEqual([1600, 2400])

    const webp = await fetch(`${server.url}${stored.url}`, { headers: { Accept: 'image/webp,*/*' } })
    expect(webp.headers.get('content-type')).toBe('image/webp')
    expect(webp.headers.get('cache-control')).toContain('immutable')
    const webpBytes = Buffer.from(await webp.arrayBuffer())
    const webpInfo = await sharp(webpBytes).metadata()
    expect(webpInfo).toMatchObject({ format: 'webp', width: 1600, height: 2400 })
    expect(webpInfo.exif).toBeUndefined()
    expect(webpBytes.includes(Buffer.from('Sanne de Vries'))).toBe(false)

    const avif = await fetch(`${server.url}${stored.url}`, { headers: { Accept: 'image/avif,image/webp,*/*' } })
    expect(avif.headers.get('content-type')).toBe('image/avif')
    const avifInfo = await sharp(Buffer.from(await avif.arrayBuffer())).metadata()
    expect(avifInfo).toMatchObject({ format: 'heif', width: 1600, height: 2400 })
    expect(avifInfo.exif).toBeUndefined()
  })

  test('a file that is no image is refused, whatever its Content-Type says; members may not upload', async () => {
    const admin = await createMember(server.deps)
    await makeStaff(server.deps, admin)
    const refused = await upload(`jb_session=${admin.client.token}`, '<svg onload="alert(1)"></svg>', 'image/png')
    expect(refused.status).toBe(415)
    const member = await createMember(server.deps)
    expect((await upload(`jb_session=${member.client.token}`, await cameraJpeg())).status).toBe(403)
    expect((await fetch(`${server.url}/blog/images/../../etc/passwd`)).status).toBe(404)
    expect((await fetch(`${server.url}/blog/images/${crypto.randomUUID()}.webp`)).status).toBe(404)
  })
})

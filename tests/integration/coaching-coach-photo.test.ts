import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { unzipSync } from 'fflate'
import { buildPendingDataExports, eraseDueAccounts } from '@jouwbot/api/privacy'
import { accountErasures, coachingSessionTypes, coachProfiles, dataExports, eq } from '@jouwbot/db'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server.close()
})

/** A 3000×2000 camera JPEG lying on its side (EXIF orientation 6) with telling EXIF fields. */
const cameraJpeg = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#5b3df5' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Sanne de Vries', Copyright: 'Privé' } })
    .withMetadata({ orientation: 6 })
    .toBuffer()

/** A member made coach (with 2FA, as /coach asks) with a profile and one active session type. */
async function coach() {
  const member = await createMember(server.deps, { firstName: 'Robin' })
  const { id } = await makeStaff(server.deps, member, 'coach')
  await server.deps.db.insert(coachProfiles).values({ userId: id, displayName: 'Robin Coach' })
  await server.deps.db.insert(coachingSessionTypes).values({ coachId: id, title: 'Sessie', durationMinutes: 60 })
  return { ...member, id, cookie: `jb_session=${member.client.token}` }
}

const upload = (cookie: string, body: Buffer | string, contentType = 'image/jpeg') =>
  fetch(`${server.url}/coaching/coach-photo`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url, 'Content-Type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) })

const storedKey = async (coachId: string) => (await server.deps.db.select({ photoKey: coachProfiles.photoKey }).from(coachProfiles).where(eq(coachProfiles.userId, coachId)))[0]!.photoKey

describe('coach photo', () => {
  test('a coach uploads a photo: stored upright as a 400×400 WebP without EXIF, shown in the public coach data; a new one replaces it', async () => {
    const robin = await coach()
    const original = await cameraJpeg()
    expect((await sharp(original).metadata()).exif).toBeDefined()
    const response = await upload(robin.cookie, original)
    expect(response.status).toBe(201)
    const { photoUrl } = (await response.json()) as { photoUrl: string }
    expect(photoUrl).toMatch(new RegExp(`^/coaching/fotos/${robin.id}/photo-[0-9a-f-]{36}\\.webp$`))

    const served = await fetch(`${server.url}${photoUrl}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/webp')
    const bytes = Buffer.from(await served.arrayBuffer())
    const info = await sharp(bytes).metadata()
    expect(info).toMatchObject({ format: 'webp', width: 400, height: 400 })
    expect(info.exif).toBeUndefined()
    expect(bytes.includes(Buffer.from('Sanne de Vries'))).toBe(false)

    // Public: the coaches list and the coach's page (no login needed).
    const visitor = await (await createMember(server.deps)).client.api()
    expect((await visitor.coaching.coaches()).find((c) => c.id === robin.id)?.photoUrl).toBe(photoUrl)
    expect((await visitor.coaching.coach({ coachId: robin.id })).photoUrl).toBe(photoUrl)
    expect((await (await robin.client.api()).coaching.ownProfile()).photoUrl).toBe(photoUrl)

    // A new photo: the old one is gone from storage and no longer served.
    const firstKey = await storedKey(robin.id)
    const png = await sharp({ create: { width: 300, height: 500, channels: 3, background: '#ffcc00' } }).png().toBuffer()
    const second = (await (await upload(robin.cookie, png, 'image/png')).json()) as { photoUrl: string }
    expect(second.photoUrl).not.toBe(photoUrl)
    expect(await server.deps.storage.stat(firstKey!)).toBeNull()
    expect((await fetch(`${server.url}${photoUrl}`)).status).toBe(404)
    expect(await sharp(Buffer.from(await (await fetch(`${server.url}${second.photoUrl}`)).arrayBuffer())).metadata()).toMatchObject({ width: 400, height: 400 })
  })

  test('refused: no image whatever the Content-Type (415), too large (413), members (403); removing deletes the object', async () => {
    const robin = await coach()
    const svg = await upload(robin.cookie, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', 'image/png')
    expect(svg.status).toBe(415)
    expect(((await svg.json()) as { error: { message: string } }).error.message).toBe('coaching.photoNotAnImage')
    const huge = await upload(robin.cookie, Buffer.alloc(10 * 1024 * 1024 + 1, 0xff))
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as { error: { message: string } }).error.message).toBe('coaching.photoTooLarge')
    expect(await storedKey(robin.id)).toBeNull()

    const member = await createMember(server.deps)
    expect((await upload(`jb_session=${member.client.token}`, await cameraJpeg())).status).toBe(403)
    expect((await fetch(`${server.url}/coaching/fotos/${robin.id}/photo-${randomUUID()}.webp`)).status).toBe(404)
    expect((await fetch(`${server.url}/coaching/fotos/${robin.id}/..%2F..%2Fsecrets.json`)).status).toBe(404)

    const { photoUrl } = (await (await upload(robin.cookie, await cameraJpeg())).json()) as { photoUrl: string }
    const key = await storedKey(robin.id)
    expect(await (await robin.client.api()).coaching.removePhoto()).toEqual({ removed: true })
    expect(await storedKey(robin.id)).toBeNull()
    expect(await server.deps.storage.stat(key!)).toBeNull()
    expect((await fetch(`${server.url}${photoUrl}`)).status).toBe(404)
  })

  test('the coach’s data export holds the photo; erasing the account deletes it from storage (the registry’s prefix)', async () => {
    const robin = await coach()
    await upload(robin.cookie, await cameraJpeg())
    const key = await storedKey(robin.id)
    expect(await server.deps.storage.stat(key!)).not.toBeNull()

    const requested = await (await robin.client.api()).privacy.requestExport()
    expect(await buildPendingDataExports(server.deps)).toMatchObject({ built: 1, failed: 0 })
    const [archive] = await server.deps.db.select().from(dataExports).where(eq(dataExports.id, requested.id))
    const chunks: Buffer[] = []
    for await (const chunk of await server.deps.storage.read(archive!.storageKey!)) chunks.push(Buffer.from(chunk as Uint8Array))
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)))
    const photo = Object.keys(files).find((name) => name === `afbeeldingen/${key!.split('/').at(-1)}`)
    expect(photo).toBeDefined()
    expect(await sharp(Buffer.from(files[photo!]!)).metadata()).toMatchObject({ format: 'webp', width: 400 })

    const now = server.deps.clock.now()
    await server.deps.db.insert(accountErasures).values({ userId: robin.id, cancelTokenHash: randomUUID(), requestedAt: now, scheduledFor: now })
    expect(await eraseDueAccounts(server.deps)).toEqual({ erased: 1 })
    expect(await server.deps.storage.stat(key!)).toBeNull()
  })
})

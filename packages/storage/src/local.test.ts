import { mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createLocalStorage, StorageError, type Storage } from './index.ts'

let root: string
let storage: Storage

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jouwbot-storage-'))
  storage = createLocalStorage(root)
  await mkdir(path.join(root, 'videos'))
  await writeFile(path.join(root, 'videos', 'intro.mp4'), '0123456789')
  await writeFile(path.join(root, 'secret.txt'), 'outside the media folder')
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** Every file under `dir`, hidden ones (temp files) included, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort()
}

const refusedKey = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ name: 'StorageError', code: 'invalidKey' })

describe('local storage: keys', () => {
  test.each([
    '../secret.txt',
    'videos/../../etc/passwd',
    'videos/../secret.txt',
    '..',
    './videos/intro.mp4',
    '/etc/passwd',
    'videos\\..\\secret.txt',
    'videos/intro.mp4\0.txt',
    'videos//intro.mp4',
    'videos/',
    '',
    'videos/.hidden',
  ])('refuses %j everywhere', async (key) => {
    await refusedKey(storage.stat(key))
    await refusedKey(storage.read(key))
    await refusedKey(storage.write(key, Readable.from(['x']), { contentType: 'text/plain', maxBytes: 10 }))
    await refusedKey(storage.delete(key))
    expect(() => storage.localPath!(key)).toThrow(StorageError)
  })

  test('keys are paths below the root', () => {
    expect(storage.localPath!('videos/intro.mp4')).toBe(path.join(root, 'videos', 'intro.mp4'))
  })
})

describe('local storage: stat and read', () => {
  test('stat gives size, mtime, a strong size+mtime ETag and the type from the extension', async () => {
    const file = await stat(path.join(root, 'videos', 'intro.mp4'))
    expect(await storage.stat('videos/intro.mp4')).toEqual({
      key: 'videos/intro.mp4',
      size: 10,
      lastModified: file.mtime,
      etag: `"a-${file.mtime.getTime().toString(16)}"`,
      contentType: 'video/mp4',
    })
  })

  test('stat: null for a missing object and for a folder', async () => {
    expect(await storage.stat('videos/missing.mp4')).toBeNull()
    expect(await storage.stat('videos')).toBeNull()
    expect(await storage.stat('videos/intro.mp4/deeper')).toBeNull()
  })

  test('read: whole object and inclusive byte ranges', async () => {
    expect(await text(await storage.read('videos/intro.mp4'))).toBe('0123456789')
    expect(await text(await storage.read('videos/intro.mp4', { start: 0, end: 0 }))).toBe('0')
    expect(await text(await storage.read('videos/intro.mp4', { start: 3, end: 6 }))).toBe('3456')
    expect(await text(await storage.read('videos/intro.mp4', { start: 8, end: 100 }))).toBe('89')
  })

  test('read: a missing object rejects with notFound; a bad range with invalidRange', async () => {
    await expect(storage.read('videos/missing.mp4')).rejects.toMatchObject({ code: 'notFound' })
    await expect(storage.read('videos')).rejects.toMatchObject({ code: 'notFound' })
    await expect(storage.read('videos/intro.mp4', { start: 5, end: 4 })).rejects.toMatchObject({ code: 'invalidRange' })
    await expect(storage.read('videos/intro.mp4', { start: -1, end: 4 })).rejects.toMatchObject({ code: 'invalidRange' })
  })
})

describe('local storage: write and delete', () => {
  test('writes into new folders and returns what stat returns', async () => {
    const stored = await storage.write('invoices/2025/INV-1.pdf', Readable.from([Buffer.from('%PDF-'), Buffer.from('1.7')]), {
      contentType: 'application/pdf',
      maxBytes: 8,
    })
    expect(stored).toEqual(await storage.stat('invoices/2025/INV-1.pdf'))
    expect(stored).toMatchObject({ size: 8, contentType: 'application/pdf' })
    expect(await readFile(path.join(root, 'invoices/2025/INV-1.pdf'), 'utf8')).toBe('%PDF-1.7')
  })

  test('past maxBytes: rejects with tooLarge and leaves no file, temp file or new folder behind', async () => {
    const before = await filesUnder(root)
    const body = Readable.from((function* () {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(1000, i)
    })())
    await expect(storage.write('uploads/u1/big.png', body, { contentType: 'image/png', maxBytes: 9999 })).rejects.toMatchObject({
      name: 'StorageError',
      code: 'tooLarge',
    })
    expect(await filesUnder(root)).toEqual(before)
    await expect(stat(path.join(root, 'uploads'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  test('past maxBytes on the very first chunk, while the temp file is still opening: no temp file behind', async () => {
    // The limit trips before the write stream has opened its file; that open lands after the pipeline
    // has failed, so the clean-up must wait for it. A race: many rounds of many writes, so some hit it.
    await mkdir(path.join(root, 'first-chunk'))
    for (let round = 0; round < 20; round++) {
      const writes = Array.from({ length: 20 }, (_, i) => {
        const body = new PassThrough() // like the upload route's request body: the chunk is there at once
        body.end(Buffer.alloc(100))
        return storage.write(`first-chunk/big-${round}-${i}.png`, body, { contentType: 'image/png', maxBytes: 10 })
      })
      for (const outcome of await Promise.allSettled(writes)) {
        expect(outcome).toMatchObject({ status: 'rejected', reason: { name: 'StorageError', code: 'tooLarge' } })
      }
      await new Promise((resolve) => setTimeout(resolve, 20)) // time for a stray open to land, were one left running
      expect(await filesUnder(path.join(root, 'first-chunk'))).toEqual([])
    }
  })

  test('a failed replacement keeps the old object whole (write is atomic)', async () => {
    await storage.write('videos/replace.mp4', Readable.from(['old bytes']), { contentType: 'video/mp4', maxBytes: 100 })
    const failing = new Readable({
      read() {
        this.push('new by')
        this.destroy(new Error('client went away'))
      },
    })
    await expect(storage.write('videos/replace.mp4', failing, { contentType: 'video/mp4', maxBytes: 100 })).rejects.toThrow('client went away')
    expect(await text(await storage.read('videos/replace.mp4'))).toBe('old bytes')
    expect((await filesUnder(path.join(root, 'videos'))).filter((f) => f.startsWith('.'))).toEqual([])

    await storage.write('videos/replace.mp4', Readable.from(['new bytes!']), { contentType: 'video/mp4', maxBytes: 100 })
    expect(await text(await storage.read('videos/replace.mp4'))).toBe('new bytes!')
  })

  test('exactly maxBytes is allowed', async () => {
    await expect(storage.write('a/exact.txt', Readable.from(['12345']), { contentType: 'text/plain', maxBytes: 5 })).resolves.toMatchObject({ size: 5 })
  })

  test('delete removes the object and is idempotent', async () => {
    await storage.write('tmp/gone.json', Readable.from(['{}']), { contentType: 'application/json', maxBytes: 10 })
    await storage.delete('tmp/gone.json')
    expect(await storage.stat('tmp/gone.json')).toBeNull()
    await expect(storage.delete('tmp/gone.json')).resolves.toBeUndefined()
  })
})

describe('local storage: list', () => {
  const collect = async (prefix: string) => {
    const out = []
    for await (const object of storage.list!(prefix)) out.push(object)
    return out.sort((a, b) => a.key.localeCompare(b.key))
  }

  test('every file under a folder prefix, with size and mtime; hidden temp files, folders and symlinks are left out', async () => {
    await storage.write('listing/a.txt', Readable.from(['aaa']), { contentType: 'text/plain', maxBytes: 10 })
    await storage.write('listing/deep/er/b.ts', Readable.from(['bbbbb']), { contentType: 'video/mp2t', maxBytes: 10 })
    await mkdir(path.join(root, 'listing', 'empty'))
    await writeFile(path.join(root, 'listing', 'deep', '.b.ts.1234.partial'), 'half written')
    await symlink(path.join(root, 'secret.txt'), path.join(root, 'listing', 'link.txt'))
    const old = new Date('2024-03-04T05:06:07Z')
    await utimes(path.join(root, 'listing', 'a.txt'), old, old)

    const listed = await collect('listing/')
    expect(listed).toEqual([
      { key: 'listing/a.txt', size: 3, lastModified: old },
      { key: 'listing/deep/er/b.ts', size: 5, lastModified: (await stat(path.join(root, 'listing/deep/er/b.ts'))).mtime },
    ])
    expect((await collect('')).map((o) => o.key)).toEqual(expect.arrayContaining(['listing/a.txt', 'listing/deep/er/b.ts', 'secret.txt', 'videos/intro.mp4']))
  })

  test('a missing folder lists nothing; prefixes must be empty or a valid folder ending in /', async () => {
    expect(await collect('nothing/here/')).toEqual([])
    for (const prefix of ['listing', '../', '/abs/', 'a//', '.hidden/', 'a/../']) {
      expect(() => storage.list!(prefix)).toThrow(expect.objectContaining({ code: 'invalidKey' }))
    }
  })
})

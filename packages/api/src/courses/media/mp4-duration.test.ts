import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { createLocalStorage } from '@jouwbot/storage'
import { readMp4DurationSeconds } from './mp4-duration.ts'

const storage = createLocalStorage(mkdtempSync(path.join(tmpdir(), 'jb-uploads-unit-')))

function box(type: string, payload: Buffer, { large = false } = {}): Buffer {
  if (large) {
    const header = Buffer.alloc(16)
    header.writeUInt32BE(1, 0)
    header.write(type, 4, 'latin1')
    header.writeBigUInt64BE(BigInt(16 + payload.length), 8)
    return Buffer.concat([header, payload])
  }
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + payload.length, 0)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, payload])
}

function mvhd(version: 0 | 1, timescale: number, duration: number): Buffer {
  const body = Buffer.alloc(version === 1 ? 108 : 96)
  body[0] = version
  if (version === 1) {
    body.writeUInt32BE(timescale, 20)
    body.writeBigUInt64BE(BigInt(duration), 24)
  } else {
    body.writeUInt32BE(timescale, 12)
    body.writeUInt32BE(duration, 16)
  }
  return box('mvhd', body)
}

const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2avc1mp41', 'latin1'))

async function durationOf(name: string, file: Buffer) {
  const stored = await storage.write(name, Readable.from([file]), { contentType: 'video/mp4', maxBytes: file.length })
  return readMp4DurationSeconds(storage, stored.key, stored.size)
}

describe('readMp4DurationSeconds', () => {
  test('faststart: moov right after ftyp (mvhd version 0)', async () => {
    const file = Buffer.concat([ftyp, box('moov', Buffer.concat([mvhd(0, 1000, 40_000), box('trak', Buffer.alloc(32))])), box('mdat', Buffer.alloc(1000))])
    expect(await durationOf('a.mp4', file)).toBe(40)
  })

  test('moov at the end, after a 64-bit sized mdat and a free box (mvhd version 1, iods first)', async () => {
    const moov = box('moov', Buffer.concat([box('iods', Buffer.alloc(12)), mvhd(1, 90_000, 90_000 * 125.5)]))
    const file = Buffer.concat([ftyp, box('free', Buffer.alloc(0)), box('mdat', Buffer.alloc(50_000), { large: true }), moov])
    expect(await durationOf('b.mp4', file)).toBe(125.5)
  })

  test('no moov, a broken box size, an unknown duration or a zero timescale: null', async () => {
    expect(await durationOf('c.mp4', Buffer.concat([ftyp, box('mdat', Buffer.alloc(100))]))).toBeNull()
    const broken = Buffer.concat([ftyp, box('mdat', Buffer.alloc(100))])
    broken.writeUInt32BE(10_000, ftyp.length) // mdat claims more than the file has
    expect(await durationOf('d.mp4', broken)).toBeNull()
    expect(await durationOf('e.mp4', Buffer.concat([ftyp, box('moov', mvhd(0, 1000, 0xffffffff))]))).toBeNull()
    expect(await durationOf('f.mp4', Buffer.concat([ftyp, box('moov', mvhd(0, 0, 1000))]))).toBeNull()
  })
})

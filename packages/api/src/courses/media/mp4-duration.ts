import type { Storage } from '@jouwbot/storage'

async function readRange(storage: Storage, key: string, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await storage.read(key, { start, end })) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

/**
 * The movie duration from the MP4's `moov/mvhd` box, in seconds; null when there is none. Walks the
 * top-level boxes with small ranged reads, so it finds `moov` at the start (faststart) or after
 * `mdat` at the end without reading the media data in between.
 */
export async function readMp4DurationSeconds(storage: Storage, key: string, size: number): Promise<number | null> {
  /** The box at `offset` (inside `[offset, limit)`): type, header and total size. */
  const boxAt = async (offset: number, limit: number) => {
    if (offset + 8 > limit) return null
    const header = await readRange(storage, key, offset, Math.min(offset + 16, limit) - 1)
    let boxSize = header.readUInt32BE(0)
    let headerSize = 8
    if (boxSize === 1 && header.length >= 16) [boxSize, headerSize] = [Number(header.readBigUInt64BE(8)), 16]
    else if (boxSize === 0) boxSize = limit - offset // "to the end of the enclosing space"
    if (boxSize < headerSize || offset + boxSize > limit) return null
    return { type: header.toString('latin1', 4, 8), headerSize, boxSize }
  }
  for (let offset = 0, boxes = 0; boxes < 64; boxes += 1) {
    const box = await boxAt(offset, size)
    if (!box) return null
    if (box.type === 'moov') {
      const end = offset + box.boxSize
      for (let child = offset + box.headerSize, n = 0; n < 64; n += 1) {
        const inner = await boxAt(child, end)
        if (!inner) return null
        if (inner.type === 'mvhd') {
          // version(1) flags(3), then v0: created(4) modified(4) timescale(4) duration(4); v1: 8 8 4 8.
          const body = await readRange(storage, key, child + inner.headerSize, Math.min(child + inner.headerSize + 32, end) - 1)
          const v1 = body[0] === 1
          if (body.length < (v1 ? 32 : 20)) return null
          const timescale = body.readUInt32BE(v1 ? 20 : 12)
          const duration = v1 ? Number(body.readBigUInt64BE(24)) : body.readUInt32BE(16)
          const unknown = v1 ? body.readBigUInt64BE(24) === 0xffffffffffffffffn : duration === 0xffffffff
          return timescale > 0 && !unknown ? duration / timescale : null
        }
        child += inner.boxSize
      }
      return null
    }
    offset += box.boxSize
  }
  return null
}

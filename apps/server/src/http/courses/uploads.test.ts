import { PassThrough, Readable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { peekHead } from './uploads.ts'

describe('peekHead', () => {
  const collect = async (stream: Readable) => {
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }

  test('sees the first bytes across small chunks and leaves the stream complete', async () => {
    const stream = new PassThrough()
    const data = Buffer.from('0123456789abcdefghij')
    const peeked = peekHead(stream, 8)
    for (let i = 0; i < data.length; i += 3) stream.write(data.subarray(i, i + 3))
    stream.end()
    const { head, ended } = await peeked
    expect(head.toString()).toBe('01234567')
    expect(ended).toBe(false)
    expect((await collect(stream)).toString()).toBe(data.toString())
  })

  test('a body shorter than asked for ends the peek with everything in the head', async () => {
    const stream = Readable.from([Buffer.from('WEBVTT')])
    await expect(peekHead(stream, 10)).resolves.toEqual({ head: Buffer.from('WEBVTT'), ended: true })
  })

  test('an error before the first bytes rejects', async () => {
    const stream = new PassThrough()
    const peeked = peekHead(stream, 8)
    stream.destroy(new Error('boom'))
    await expect(peeked).rejects.toThrow('boom')
  })
})

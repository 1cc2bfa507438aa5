import { describe, expect, test } from 'vitest'
import { hlsPrefixFor, playlistEntries } from './hls-renditions.ts'

describe('hls helpers', () => {
  test('renditions go next to the MP4, in a folder named after it', () => {
    expect(hlsPrefixFor('courses/a/uploads/l-1a2b.mp4')).toBe('courses/a/uploads/l-1a2b/hls')
    expect(hlsPrefixFor('courses/a.b/videos/intro')).toBe('courses/a.b/videos/intro/hls')
  })

  test('playlist entries are resolved against the playlist folder; tags, absolute URIs and URLs are skipped', () => {
    const master = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n360p/index.m3u8\n\n#EXT-X-STREAM-INF:BANDWIDTH=2\r\n240p/index.m3u8\r\nhttps://cdn.example/x.m3u8\n/abs.m3u8\n'
    expect(playlistEntries('c/u/x/hls/master.m3u8', master)).toEqual(['c/u/x/hls/360p/index.m3u8', 'c/u/x/hls/240p/index.m3u8'])
    expect(playlistEntries('c/u/x/hls/360p/index.m3u8', '#EXTINF:4.0,\nsegment-000.ts\n#EXT-X-ENDLIST\n')).toEqual(['c/u/x/hls/360p/segment-000.ts'])
  })
})

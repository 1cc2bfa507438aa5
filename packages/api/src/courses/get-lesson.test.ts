import superjson from 'superjson'
import { describe, expect, test, vi } from 'vitest'
import { preparedLesson, type Lesson } from './get-lesson.ts'

/** Strings JSON.stringify escapes. */
const tricky = ['quote " and \\ backslash', 'nieuwe\nregel\ttab', 'emoji 🤖 en é', '</script><!--', '\u2028\u2029', '"},{"id":"x"']

function lesson(extra: Partial<Lesson> = {}): Lesson {
  return {
    id: 'l1',
    slug: 'les-1',
    title: tricky[0]!,
    summary: tricky[1]!,
    bodyMarkdown: tricky.join('\n\n'),
    durationSeconds: 300,
    freePreview: false,
    chapters: [{ title: tricky[2]!, startSeconds: 0 }, { title: 'twee', startSeconds: 12.5 }],
    attachments: [{ title: tricky[3]!, fileName: 'werkblad.pdf' }],
    captionsVtt: `WEBVTT\n\n00:00.000 --> 00:02.000\n${tricky[4]}`,
    video: { url: '/media/lesson/l1.mp4?exp=1&sig=abc', expiresAt: new Date('2026-12-07T06:00:00.123Z') },
    hls: { url: '/media/lesson/l1/hls/master.m3u8?exp=1&sig=abc' },
    module: { slug: 'een', title: tricky[5]! },
    course: { id: 'c1', slug: 'cursus', title: 'Cursus' },
    previous: null,
    next: { slug: 'les-2', title: 'Les twee' },
    progress: { positionSeconds: 42.25, watchedPercent: 14, watchedRanges: [[0, 42.25]], completed: false },
    ...extra,
  } as Lesson
}

const superjsonBytes = (value: Lesson) => JSON.stringify(superjson.serialize(value))

describe('preparedLesson: lesson.get written as superjson would write it', () => {
  // `direct`: written without superjson's walk (the point of it); the others fall back to superjson.
  test.each([
    ['a video lesson with progress', lesson(), true],
    ['no video, no captions, no progress yet', lesson({ video: null, hls: null, captionsVtt: null, progress: { positionSeconds: 0, watchedPercent: 0, watchedRanges: [], completed: false } }), true],
    ['the first lesson of a free preview', lesson({ freePreview: true, previous: null, next: null, chapters: [], attachments: [] }), true],
    // Values superjson annotates (a hand-edited jsonb column, a float4 -0): superjson itself writes them.
    ['an attachment without a file name', lesson({ attachments: [{ title: 'x', fileName: undefined as unknown as string }] }), false],
    ['a stored position of -0', lesson({ progress: { positionSeconds: -0, watchedPercent: 0, watchedRanges: [], completed: false } }), false],
    ['a chapter time that is not a number', lesson({ chapters: [{ title: 'x', startSeconds: Number.NaN }] }), false],
  ])('%s: the same bytes, the same value', (_name, value, direct) => {
    const prepared = preparedLesson(value)
    const serialize = vi.spyOn(superjson, 'serialize')
    const json = prepared.json().toString()
    expect(serialize).toHaveBeenCalledTimes(direct ? 0 : 1)
    serialize.mockRestore()
    expect(json).toBe(superjsonBytes(value))
    expect(superjson.deserialize(JSON.parse(prepared.json().toString()))).toEqual(value)
    expect(prepared.value()).toBe(value)
  })

  test('no ETag: each answer carries freshly signed URLs', () => {
    expect(preparedLesson(lesson()).etag).toBeNull()
  })
})

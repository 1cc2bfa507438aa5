import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { mediaDir, premiumCursus } from './index.ts'
import type { SeedLesson } from './types.ts'

const MAX_VIDEO_BYTES = 400_000
const MAX_MEDIA_BYTES = 2_000_000

const modules = premiumCursus.modules
const lessons: SeedLesson[] = modules.flatMap((m) => m.lessons)
const videoPath = (name: string) => join(mediaDir, 'videos', name)

/** Duration in seconds from the MP4 movie header ('mvhd' box), so the test needs no ffprobe. */
function mp4DurationSeconds(file: string): number {
  const buf = readFileSync(file)
  const at = buf.indexOf('mvhd', 0, 'latin1')
  if (at < 4) throw new Error(`${file}: no mvhd box`)
  const version = buf.readUInt8(at + 4) // then 3 bytes of flags
  if (version === 1) {
    // creation_time (8), modification_time (8), timescale (4), duration (8)
    const timescale = buf.readUInt32BE(at + 24)
    return Number(buf.readBigUInt64BE(at + 28)) / timescale
  }
  // version 0: creation_time (4), modification_time (4), timescale (4), duration (4)
  const timescale = buf.readUInt32BE(at + 16)
  return buf.readUInt32BE(at + 20) / timescale
}

interface Cue { start: number; end: number; text: string }

function parseTimestamp(ts: string): number {
  const m = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(ts)
  if (!m) throw new Error(`bad WebVTT timestamp: ${ts}`)
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000
}

/** Minimal WebVTT parser: header, then blocks separated by blank lines; each cue has an optional id, a timing line and text. */
function parseVtt(source: string): Cue[] {
  const blocks = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim().split(/\n{2,}/)
  const header = blocks.shift() ?? ''
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header.split('\n')[0] ?? '')) throw new Error('missing WEBVTT header')
  return blocks
    .filter((block) => !/^(NOTE|STYLE|REGION)\b/.test(block))
    .map((block) => {
      const lines = block.split('\n')
      const timingIndex = lines.findIndex((line) => line.includes('-->'))
      if (timingIndex < 0 || timingIndex > 1) throw new Error(`cue without timing line: ${block}`)
      const timing = /^(\S+) --> (\S+)(?: .*)?$/.exec(lines[timingIndex]!)
      if (!timing) throw new Error(`bad timing line: ${lines[timingIndex]}`)
      const text = lines.slice(timingIndex + 1).join('\n').trim()
      if (!text) throw new Error(`cue without text: ${block}`)
      return { start: parseTimestamp(timing[1]!), end: parseTimestamp(timing[2]!), text }
    })
}

describe('premium cursus structure', () => {
  test('has the expected course identity and size', () => {
    expect(premiumCursus.slug).toBe('premium-cursus')
    expect(premiumCursus.title).toBe('Premium Cursus')
    expect(modules.length).toBeGreaterThanOrEqual(5)
    expect(lessons.length).toBeGreaterThanOrEqual(30)
    for (const m of modules) expect(m.lessons.length, m.slug).toBeGreaterThan(0)
  })

  test('slugs are lowercase-with-dashes and unique', () => {
    const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
    const lessonSlugs = lessons.map((l) => l.slug)
    const moduleSlugs = modules.map((m) => m.slug)
    for (const slug of [premiumCursus.slug, ...moduleSlugs, ...lessonSlugs]) expect(slug).toMatch(slugPattern)
    expect(new Set(lessonSlugs).size).toBe(lessonSlugs.length)
    expect(new Set(moduleSlugs).size).toBe(moduleSlugs.length)
  })

  test('only the first two lessons of the first module are a free preview', () => {
    const free = lessons.filter((l) => l.freePreview).map((l) => l.slug)
    expect(free).toEqual(modules[0]!.lessons.slice(0, 2).map((l) => l.slug))
  })

  test('every lesson has a title, summary and a Markdown body of 120-350 words', () => {
    for (const l of lessons) {
      expect(l.title.trim(), l.slug).not.toBe('')
      expect(l.summary.trim(), l.slug).not.toBe('')
      const words = l.bodyMarkdown.split(/\s+/).filter(Boolean).length
      expect(words, l.slug).toBeGreaterThanOrEqual(120)
      expect(words, l.slug).toBeLessThanOrEqual(350)
      expect(l.bodyMarkdown, l.slug).toMatch(/^## /m)
    }
  })
})

describe('premium cursus media', () => {
  test('every referenced video, captions file and attachment exists', () => {
    for (const l of lessons) {
      expect(existsSync(videoPath(l.video)), `${l.slug}: videos/${l.video}`).toBe(true)
      if (l.captions) expect(existsSync(join(mediaDir, 'captions', l.captions)), `${l.slug}: captions/${l.captions}`).toBe(true)
      for (const a of l.attachments ?? []) {
        expect(a.title.trim(), `${l.slug}: ${a.fileName}`).not.toBe('')
        expect(existsSync(join(mediaDir, 'attachments', a.fileName)), `${l.slug}: attachments/${a.fileName}`).toBe(true)
      }
    }
  })

  test('durationSeconds matches the real video duration within 1 s; each video is at most 400 kB', () => {
    for (const name of new Set(lessons.map((l) => l.video))) {
      expect(statSync(videoPath(name)).size, name).toBeLessThanOrEqual(MAX_VIDEO_BYTES)
      const actual = mp4DurationSeconds(videoPath(name))
      expect(actual, name).toBeGreaterThan(0)
      for (const l of lessons.filter((x) => x.video === name)) {
        expect(Math.abs(l.durationSeconds - actual), `${l.slug}: ${l.durationSeconds} vs ${actual}`).toBeLessThanOrEqual(1)
      }
    }
  })

  test('all media together stay under 2 MB', () => {
    let total = 0
    for (const dir of ['videos', 'captions', 'attachments']) {
      for (const f of readdirSync(join(mediaDir, dir))) total += statSync(join(mediaDir, dir, f)).size
    }
    expect(total).toBeLessThanOrEqual(MAX_MEDIA_BYTES)
  })

  test('the first five lessons have captions and 3-5 chapters', () => {
    for (const l of lessons.slice(0, 5)) {
      expect(l.captions, l.slug).toBe(`${l.slug}.nl.vtt`)
      expect(l.chapters?.length, l.slug).toBeGreaterThanOrEqual(3)
      expect(l.chapters?.length, l.slug).toBeLessThanOrEqual(5)
    }
  })

  test('captions are valid WebVTT with increasing cues spread over the whole video', () => {
    const captioned = lessons.filter((l) => l.captions)
    expect(captioned.length).toBeGreaterThanOrEqual(5)
    for (const l of captioned) {
      const cues = parseVtt(readFileSync(join(mediaDir, 'captions', l.captions!), 'utf8'))
      expect(cues.length, l.slug).toBeGreaterThan(0)
      expect(cues[0]!.start, l.slug).toBeLessThanOrEqual(6)
      let previous: Cue | undefined
      for (const cue of cues) {
        expect(cue.end, `${l.slug} @${cue.start}`).toBeGreaterThan(cue.start)
        expect(cue.end, `${l.slug} @${cue.start}`).toBeLessThanOrEqual(l.durationSeconds)
        if (previous) {
          expect(cue.start, `${l.slug} @${cue.start}`).toBeGreaterThanOrEqual(previous.end)
          // a cue every 3-6 seconds
          expect(cue.start - previous.start, `${l.slug} @${cue.start}`).toBeGreaterThanOrEqual(3)
          expect(cue.start - previous.start, `${l.slug} @${cue.start}`).toBeLessThanOrEqual(6)
        }
        previous = cue
      }
      expect(l.durationSeconds - previous!.end, `${l.slug}: last cue ends early`).toBeLessThanOrEqual(6)
    }
  })

  test('chapters start at 0, are sorted and lie within the video', () => {
    for (const l of lessons.filter((x) => x.chapters)) {
      const starts = l.chapters!.map((c) => c.startSeconds)
      expect(starts[0], l.slug).toBe(0)
      for (let i = 1; i < starts.length; i++) expect(starts[i]!, l.slug).toBeGreaterThan(starts[i - 1]!)
      expect(starts.at(-1)!, l.slug).toBeLessThan(l.durationSeconds)
      for (const c of l.chapters!) expect(c.title.trim(), l.slug).not.toBe('')
    }
  })
})

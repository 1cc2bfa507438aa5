import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { LessonChapter } from '@jouwbot/db'
import { sentencesOf, slidesForLesson, speakable, type LessonText, type SlideLimits } from './lesson-slides.ts'
import { pcmSeconds, runTool, silence, speak, wavFile, type Pcm } from './narration.ts'
import { renderSlidePng, SLIDE_HEIGHT, SLIDE_WIDTH } from './slide-image.ts'

/**
 * One demo lesson video from the lesson's own text: slides (lesson-slides.ts → PNG), Dutch narration
 * per sentence (espeak-ng), and ffmpeg putting each slide on screen for exactly as long as its
 * narration lasts — H.264 (1280×720, 2 frames a second: the slides are still) + AAC mono, faststart.
 * The captions are the narration's sentences at the times they are spoken; the chapters are the slides.
 */

export interface RenderLessonVideoInput {
  lesson: LessonText
  courseTitle: string
  /** An empty folder of the caller's (temp files and the result go here). */
  workDir: string
  ffmpegPath: string
  espeakPath: string
  limits?: SlideLimits
  /** Stops the render (its tools are killed), e.g. when the server stops. */
  signal?: AbortSignal
}

export interface RenderedLessonVideo {
  /** The MP4 in workDir. */
  videoFile: string
  /** Dutch WebVTT. */
  captions: string
  /** The narration's length, which the video has too (the stored duration is read from the MP4). */
  seconds: number
  chapters: LessonChapter[]
  slides: number
}

const FPS = 2
const PAUSE_BEFORE_SLIDE = 0.5
const PAUSE_BETWEEN_SENTENCES = 0.35
const PAUSE_AFTER_SLIDE = 0.9
const CUE_CHARS = 84

interface Cue { start: number; end: number; text: string }

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = Math.floor((ms % 60_000) / 1000)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`
}

/** Words into chunks of at most `max` characters. */
function chunks(text: string, max: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      out.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) out.push(line)
  return out
}

/** A spoken text's cues: one per sentence, a long one split evenly (time shared by length) to fit two lines. */
function cuesFor(text: string, start: number, end: number): Cue[] {
  const parts = sentencesOf(text).flatMap((sentence) => chunks(sentence, Math.ceil(sentence.length / Math.ceil(sentence.length / CUE_CHARS)) + 8))
  const total = parts.reduce((n, part) => n + part.length, 0)
  let at = start
  return parts.map((part, i) => {
    const until = i === parts.length - 1 ? end : at + ((end - start) * part.length) / total
    const cue = { start: at, end: until, text: (part.length > CUE_CHARS / 2 ? chunks(part, Math.ceil(part.length / 2) + 8) : [part]).join('\n') }
    at = until
    return cue
  })
}

export function webVtt(cues: Cue[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return `WEBVTT\n\n${cues.map((cue, i) => `${i + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${escape(cue.text)}\n`).join('\n')}`
}

export async function renderLessonVideo(input: RenderLessonVideoInput): Promise<RenderedLessonVideo> {
  const { workDir } = input
  const slides = slidesForLesson(input.lesson, input.limits)
  const audio: Buffer[] = []
  const cues: Cue[] = []
  const chapters: LessonChapter[] = []
  const concat: string[] = ['ffconcat version 1.0']
  let sampleRate = 0
  let at = 0
  const append = (pcm: Pcm) => {
    if (sampleRate && pcm.sampleRate !== sampleRate) throw new Error('espeak-ng changed its sample rate')
    sampleRate = pcm.sampleRate
    audio.push(pcm.data)
    at += pcmSeconds(pcm)
  }

  for (const [index, slide] of slides.entries()) {
    input.signal?.throwIfAborted()
    const image = path.join(workDir, `slide-${String(index).padStart(2, '0')}.png`)
    await renderSlidePng(slide, { courseTitle: input.courseTitle, lessonTitle: input.lesson.title, index, count: slides.length }, image)
    const slideStart = at
    chapters.push({ startSeconds: Math.floor(slideStart), title: slide.kind === 'title' ? 'Introductie' : slide.heading })
    for (const [i, sentence] of slide.sentences.entries()) {
      const spoken = speakable(sentence)
      if (!spoken) continue
      const pcm = await speak(spoken, path.join(workDir, `speech-${index}-${i}.wav`), { espeakPath: input.espeakPath, signal: input.signal })
      if (i === 0) append({ sampleRate: pcm.sampleRate, data: silence(pcm.sampleRate, PAUSE_BEFORE_SLIDE) })
      else append({ sampleRate: pcm.sampleRate, data: silence(pcm.sampleRate, PAUSE_BETWEEN_SENTENCES) })
      const start = at
      append(pcm)
      cues.push(...cuesFor(sentence, start, at))
    }
    append({ sampleRate, data: silence(sampleRate, PAUSE_AFTER_SLIDE) })
    concat.push(`file '${path.basename(image)}'`, `duration ${(at - slideStart).toFixed(3)}`)
  }
  // The concat demuxer ignores the last entry's duration unless the file is named once more.
  concat.push(concat.at(-2)!)

  const wav = path.join(workDir, 'narration.wav')
  await writeFile(wav, wavFile({ sampleRate, data: Buffer.concat(audio) }))
  const list = path.join(workDir, 'slides.ffconcat')
  await writeFile(list, `${concat.join('\n')}\n`)
  const videoFile = path.join(workDir, 'lesson.mp4')
  await runTool(input.ffmpegPath, [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-f', 'concat', '-safe', '0', '-i', list,
    '-i', wav,
    '-map', '0:v:0', '-map', '1:a:0',
    '-vf', `scale=${SLIDE_WIDTH}:${SLIDE_HEIGHT},fps=${FPS},format=yuv420p`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-crf', '28', '-profile:v', 'main',
    '-g', String(FPS * 10),
    '-c:a', 'aac', '-b:a', '32k', '-ac', '1',
    '-t', at.toFixed(3),
    '-movflags', '+faststart',
    videoFile,
  ], { timeoutMs: 10 * 60_000, signal: input.signal })
  return { videoFile, captions: webVtt(cues), seconds: at, chapters, slides: slides.length }
}

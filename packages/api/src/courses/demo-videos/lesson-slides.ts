import { Lexer, type Token, type Tokens } from 'marked'

/**
 * The slides of a demo lesson video, made from the lesson's own text: a title slide (title, module,
 * summary), then one slide per `##` section of the body with its key points (list items, else the
 * first sentences of its paragraphs; a tip quote; a code block is named, not read out), then a short
 * closing slide. Each point has a short form for the slide and a full sentence for the narration.
 */

export interface SlidePoint {
  /** Shown on the slide (shortened at a word boundary). */
  text: string
  /** Read out (the full point, as plain text). */
  spoken: string
}

export interface Slide {
  kind: 'title' | 'points' | 'closing'
  heading: string
  /** Title slide: the module's title above the lesson title. */
  eyebrow?: string
  /** Title slide: the lesson's summary. */
  lead?: string
  points: SlidePoint[]
  /** The narration of this slide, sentence by sentence (each becomes one caption cue). */
  sentences: string[]
}

export interface LessonText {
  title: string
  summary: string
  bodyMarkdown: string
  moduleTitle: string
}

export interface SlideLimits {
  /** Content slides after the title slide (default 5). */
  maxSections?: number
  /** Points per content slide (default 4). */
  maxPoints?: number
}

const POINT_CHARS = 110

/** Markdown inline text → plain text: emphasis, code ticks, links and images reduced to their words. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(\S.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Sentences of a plain text (split after . ! ? followed by a space and a capital, digit or quote). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=["“'‘(A-Z0-9À-Ý])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function shorten(text: string, max = POINT_CHARS): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')}…`
}

/** A spoken sentence ends with a full stop (a list item often has none). */
function asSentence(text: string): string {
  const trimmed = text.trim().replace(/[:;,]$/, '')
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

function pointFrom(markdown: string): SlidePoint | null {
  const spoken = plainText(markdown)
  if (!spoken) return null
  // A point of several sentences is shown by its first one; all are read out up to two.
  const sentences = sentencesOf(spoken)
  return { text: shorten(sentences[0] ?? spoken), spoken: sentences.slice(0, 2).join(' ') }
}

interface Section {
  heading: string
  points: SlidePoint[]
  paragraphs: SlidePoint[]
  hasCode: boolean
}

export function slidesForLesson(lesson: LessonText, limits: SlideLimits = {}): Slide[] {
  const maxSections = limits.maxSections ?? 5
  const maxPoints = limits.maxPoints ?? 4
  const sections: Section[] = []
  let current: Section | null = null
  const startSection = (heading: string) => {
    current = { heading, points: [], paragraphs: [], hasCode: false }
    sections.push(current)
  }
  const visit = (token: Token) => {
    if (token.type === 'heading') {
      startSection(plainText((token as Tokens.Heading).text))
      return
    }
    if (!current) startSection(plainText(lesson.title)) // text before the first heading
    const section = current as unknown as Section
    if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) {
        const point = pointFrom(item.text.split('\n')[0] ?? '')
        if (point) section.points.push(point)
      }
    } else if (token.type === 'paragraph') {
      for (const sentence of sentencesOf(plainText((token as Tokens.Paragraph).text))) {
        section.paragraphs.push({ text: shorten(sentence), spoken: sentence })
      }
    } else if (token.type === 'blockquote') {
      const point = pointFrom((token as Tokens.Blockquote).text.replace(/^>\s?/gm, ''))
      if (point) section.points.push(point)
    } else if (token.type === 'code') {
      section.hasCode = true
    }
  }
  for (const token of Lexer.lex(lesson.bodyMarkdown)) visit(token)

  const title = plainText(lesson.title)
  const summary = plainText(lesson.summary)
  const slides: Slide[] = [
    {
      kind: 'title',
      heading: title,
      eyebrow: plainText(lesson.moduleTitle),
      lead: summary,
      points: [],
      sentences: [asSentence(title), ...sentencesOf(summary).map(asSentence)],
    },
  ]
  for (const section of sections.filter((s) => s.points.length + s.paragraphs.length > 0).slice(0, maxSections)) {
    // Lists are the key points; a section of prose shows its first sentences.
    const chosen = (section.points.length > 0 ? section.points : section.paragraphs).slice(0, maxPoints)
    const points = section.hasCode && chosen.length < maxPoints
      ? [...chosen, { text: 'Codevoorbeeld: zie de lestekst onder de video', spoken: 'Het codevoorbeeld staat in de lestekst onder de video.' }]
      : chosen
    slides.push({
      kind: 'points',
      heading: section.heading,
      points,
      sentences: [asSentence(section.heading), ...points.map((p) => asSentence(p.spoken))],
    })
  }
  slides.push({
    kind: 'closing',
    heading: 'Aan de slag',
    points: [{ text: 'Lees de volledige les onder de video', spoken: '' }, { text: 'Voer de opdracht meteen uit', spoken: '' }],
    sentences: ['Lees de volledige les onder deze video, en voer de opdracht meteen uit.'],
  })
  return slides
}

/** Text for espeak-ng: symbols it would read oddly become words or pauses. */
export function speakable(sentence: string): string {
  return sentence
    .replace(/\s[–—-]\s/g, ', ')
    .replace(/\s*→\s*/g, ', dan ')
    .replace(/€\s?(\d[\d.,]*\d|\d)/g, '$1 euro') // "€297" → "297 euro"
    .replace(/(\d)\s?%/g, '$1 procent')
    .replace(/&/g, ' en ')
    .replace(/[*_#`>|[\]{}]/g, ' ')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

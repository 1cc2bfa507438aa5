/** One caption cue from a WebVTT file: times in seconds, text without markup. */
export interface Cue {
  start: number
  end: number
  text: string
}

const TIMESTAMP = /^(?:(\d{1,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/
const TIMING_LINE = /^(\S+)[ \t]+-->[ \t]+(\S+)/
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
}

/** `hh:mm:ss.ttt` or `mm:ss.ttt` → seconds; null when it is not a WebVTT timestamp. */
export function parseTimestamp(value: string): number | null {
  const match = TIMESTAMP.exec(value)
  if (!match) return null
  const [, hours = '0', minutes = '0', seconds = '0', millis = '0'] = match
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000
}

/**
 * The cues of a WebVTT file, for the transcript. Lenient like a browser: blocks it cannot read
 * (NOTE, STYLE, REGION, broken timings) are skipped; cue settings are ignored; tags such as
 * `<v Spreker>`, `<i>` or `<c.geel>` are removed and character references decoded, so the text is
 * plain and never rendered as HTML.
 */
export function parseVtt(source: string): Cue[] {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const blocks = text.split(/\n[ \t]*\n/)
  const cues: Cue[] = []
  for (const [index, block] of blocks.entries()) {
    const lines = block.split('\n').filter((line, i) => i > 0 || line.trim() !== '')
    if (lines.length === 0) continue
    if (index === 0 && lines[0]?.startsWith('WEBVTT')) continue
    const timingIndex = lines.findIndex((line) => line.includes('-->'))
    // The timing line is the first line, or the second after a cue identifier.
    if (timingIndex < 0 || timingIndex > 1) continue
    const timing = TIMING_LINE.exec(lines[timingIndex]!.trim())
    if (!timing) continue
    const start = parseTimestamp(timing[1]!)
    const end = parseTimestamp(timing[2]!)
    if (start === null || end === null || end < start) continue
    const cueText = lines
      .slice(timingIndex + 1)
      .map((line) => decodeEntities(line.replace(/<[^>]*>/g, '')).trim())
      .filter(Boolean)
      .join('\n')
    if (cueText) cues.push({ start, end, text: cueText })
  }
  return cues.sort((a, b) => a.start - b.start)
}

/** The index of the cue (or chapter) that is on at `time`: the last one that has started. */
export function activeIndex(items: ReadonlyArray<{ start: number; end?: number }>, time: number): number {
  let found = -1
  for (const [index, item] of items.entries()) {
    if (item.start > time) break
    if (item.end === undefined || time < item.end) found = index
  }
  return found
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

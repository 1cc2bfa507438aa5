import type { Slide } from './lesson-slides.ts'

/**
 * A slide as a PNG: an SVG in the site's brand colours (apps/web/src/styles/base.css), rasterised by
 * sharp (librsvg with the system's fonts: DejaVu Sans on Debian, which ffmpeg's packages pull in).
 * SVG has no text wrapping, so lines are broken here by an estimate of the glyph widths — generous,
 * so a line never runs off the slide.
 */

export const SLIDE_WIDTH = 1280
export const SLIDE_HEIGHT = 720

const BRAND = '#5b3df5'
const BRAND_STRONG = '#4527d9'
const PURPLE = '#a334fa'
const TEXT = '#111827'
const MUTED = '#4b5567'
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Width estimate of DejaVu Sans (regular ~0.56 em on average for Dutch text, bold ~0.63 em; wide glyphs counted wider). */
function textWidth(text: string, size: number, bold: boolean): number {
  let em = 0
  for (const ch of text) em += /[mwMW@%]/.test(ch) ? 0.9 : /[A-Z0-9]/.test(ch) ? 0.68 : /[iljtf.,:;'!|() ]/.test(ch) ? 0.34 : 0.58
  return em * size * (bold ? 1.08 : 1)
}

/** Greedy word wrap to `width`; at most `maxLines` lines, the last one shortened with an ellipsis. */
export function wrap(text: string, size: number, width: number, maxLines: number, bold = false): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (textWidth(next, size, bold) <= width || !line) line = next
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]!
  while (last.includes(' ') && textWidth(`${last}…`, size, bold) > width) last = last.slice(0, last.lastIndexOf(' '))
  kept[maxLines - 1] = `${last.replace(/[\s,;:–-]+$/u, '')}…`
  return kept
}

function textLines(lines: string[], x: number, y: number, size: number, lineHeight: number, attrs: string): string {
  return lines.map((line, i) => `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`).join('')
}

export interface SlideFrame {
  /** "Premium Cursus" (top left on every slide). */
  courseTitle: string
  lessonTitle: string
  index: number
  count: number
}

export function slideSvg(slide: Slide, frame: SlideFrame): string {
  const W = SLIDE_WIDTH
  const H = SLIDE_HEIGHT
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${BRAND_STRONG}"/><stop offset="1" stop-color="${PURPLE}"/></linearGradient></defs>`,
  ]
  const footer = (colour: string) =>
    `<text x="64" y="${H - 40}" font-size="22" fill="${colour}" font-family="${FONT}">${escapeXml(`${frame.courseTitle} · Jouw Bot`)}</text>` +
    `<text x="${W - 64}" y="${H - 40}" font-size="22" fill="${colour}" font-family="${FONT}" text-anchor="end">${frame.index + 1} / ${frame.count}</text>`

  if (slide.kind === 'title' || slide.kind === 'closing') {
    parts.push(`<rect width="${W}" height="${H}" fill="url(#g)"/>`)
    parts.push(`<circle cx="${W - 120}" cy="110" r="220" fill="#ffffff" fill-opacity="0.07"/><circle cx="140" cy="${H - 60}" r="160" fill="#ffffff" fill-opacity="0.06"/>`)
    let y = 200
    if (slide.eyebrow) {
      parts.push(textLines(wrap(slide.eyebrow.toUpperCase(), 26, W - 160, 1, true), 80, y, 26, 34, `fill="#ffffff" fill-opacity="0.85" font-weight="bold" letter-spacing="2" font-family="${FONT}"`))
      y += 70
    }
    const heading = wrap(slide.heading, 64, W - 160, 2, true)
    parts.push(textLines(heading, 80, y, 64, 78, `fill="#ffffff" font-weight="bold" font-family="${FONT}"`))
    y += heading.length * 78 + 10
    const lead = slide.lead ? wrap(slide.lead, 30, W - 220, 3) : slide.points.map((p) => `• ${p.text}`)
    parts.push(textLines(lead, 80, y, 30, 44, `fill="#ffffff" fill-opacity="0.92" font-family="${FONT}"`))
    parts.push(footer('#ffffff'))
  } else {
    parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`)
    parts.push(`<rect width="${W}" height="12" fill="url(#g)"/><rect x="64" y="150" width="96" height="6" rx="3" fill="${BRAND}"/>`)
    parts.push(`<text x="64" y="64" font-size="22" fill="${MUTED}" font-family="${FONT}">${escapeXml(wrap(frame.lessonTitle, 22, W - 128, 1)[0] ?? '')}</text>`)
    const heading = wrap(slide.heading, 46, W - 128, 1, true)
    parts.push(textLines(heading, 64, 130, 46, 56, `fill="${BRAND_STRONG}" font-weight="bold" font-family="${FONT}"`))
    const size = slide.points.length > 3 ? 28 : 31
    const lineHeight = Math.round(size * 1.3)
    let y = 215
    for (const point of slide.points) {
      const lines = wrap(point.text, size, W - 128 - 56, 2)
      parts.push(`<circle cx="80" cy="${y - size * 0.35}" r="8" fill="${BRAND}"/>`)
      parts.push(textLines(lines, 112, y, size, lineHeight, `fill="${TEXT}" font-family="${FONT}"`))
      y += lines.length * lineHeight + Math.round(size * 0.9)
    }
    parts.push(footer(MUTED))
  }
  parts.push('</svg>')
  return parts.join('')
}

export async function renderSlidePng(slide: Slide, frame: SlideFrame, file: string): Promise<void> {
  const { default: sharp } = await import('sharp') // on first use only (bench:memory)
  await sharp(Buffer.from(slideSvg(slide, frame))).png({ compressionLevel: 6 }).toFile(file)
}

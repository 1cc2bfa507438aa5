/**
 * The video's poster until it plays: the lesson's module and title on the brand gradient, drawn as an
 * SVG data URL (the CSP allows data: images), so the frame is never a black box — also before the
 * metadata loads and for lessons without a thumbnail. Its bottom right is left free for the player's
 * play button (`.player__start-icon`, at 1110 × 560 of 1280 × 720).
 */
export function lessonPoster({ eyebrow, title }: { eyebrow: string; title: string }): string {
  const lines = wrap(title, 30, 3)
  const lineHeight = 64
  const top = 360 - ((lines.length - 1) * lineHeight) / 2 + 40
  const svg = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720">',
    '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0a4fb8"/><stop offset="1" stop-color="#6a1fb0"/></linearGradient></defs>',
    '<rect width="1280" height="720" fill="url(#g)"/>',
    `<text x="96" y="${top - 92}" fill="#fff" fill-opacity="0.85" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="30" font-weight="600">${escapeXml(truncate(eyebrow, 60))}</text>`,
    ...lines.map(
      (line, i) =>
        `<text x="96" y="${top + i * lineHeight}" fill="#fff" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="54" font-weight="800">${escapeXml(line)}</text>`,
    ),
    '<text x="96" y="640" fill="#fff" fill-opacity="0.85" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="28" font-weight="700">Jouw Bot</text>',
    '</svg>',
  ].join('')
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** Words into at most `maxLines` lines of about `width` characters; the last one ends in "…" when cut. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (candidate.length <= width || !line) line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines.map((l) => truncate(l, width + 8))
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} …`, width + 8)
  return kept
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
}

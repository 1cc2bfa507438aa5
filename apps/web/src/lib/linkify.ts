export type TextPart = { type: 'text'; text: string } | { type: 'link'; text: string; href: string }

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/

/**
 * Splits plain text into text and http(s) links, so mail bodies can be shown with clickable links
 * without ever rendering HTML. Trailing punctuation ("…/verify?token=abc.") stays text.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index
    const raw = match[0]
    const url = raw.replace(TRAILING_PUNCTUATION, '')
    if (!isHttpUrl(url)) continue
    if (start > last) parts.push({ type: 'text', text: text.slice(last, start) })
    parts.push({ type: 'link', text: url, href: url })
    last = start + url.length
  }
  if (last < text.length) parts.push({ type: 'text', text: text.slice(last) })
  return parts
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

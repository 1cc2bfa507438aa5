/** Lower case without accents, so "cafe" finds "Café". */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl')
}

export function matchesSearch(text: string, query: string): boolean {
  const needle = normalizeForSearch(query.trim())
  return needle === '' || normalizeForSearch(text).includes(needle)
}

export interface TextPiece {
  text: string
  match: boolean
}

/**
 * Splits text into pieces that do and do not match the query, for highlighting with <mark>.
 * Matching ignores case and accents; the pieces keep the original characters.
 */
export function splitMatches(text: string, query: string): TextPiece[] {
  const needle = normalizeForSearch(query.trim())
  if (!needle) return text ? [{ text, match: false }] : []
  // Normalise character by character so positions map back onto the original text.
  const map: number[] = []
  let haystack = ''
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!)
    const normal = normalizeForSearch(char)
    for (let k = 0; k < normal.length; k += 1) map.push(i)
    haystack += normal
    i += char.length
  }
  map.push(text.length)
  const pieces: TextPiece[] = []
  let last = 0
  let from = 0
  for (;;) {
    const found = haystack.indexOf(needle, from)
    if (found < 0) break
    const start = map[found]!
    const end = map[found + needle.length]!
    if (start > last) pieces.push({ text: text.slice(last, start), match: false })
    pieces.push({ text: text.slice(start, end), match: true })
    last = end
    from = found + needle.length
  }
  if (last < text.length) pieces.push({ text: text.slice(last), match: false })
  return pieces
}

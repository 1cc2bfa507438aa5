import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

// Reads the built web client (`pnpm --filter @jouwbot/web build`): what every page evaluates at start-up.
const DIST = path.resolve(import.meta.dirname, '../../apps/web/dist')

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
}

function entryClosure(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  if (!entry) throw new Error('no entry chunk in the manifest: build apps/web first')
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const imported of manifest[key]?.imports ?? []) visit(imported)
  }
  visit(entry)
  return [...seen].map((key) => path.basename(manifest[key]?.file ?? key))
}

test('the entry chunk statically imports none of the chunks only some lazy pages need', () => {
  const files = entryClosure()
  expect(files.some((file) => file.startsWith('vendor-'))).toBe(true)
  // zod with the shared schemas (evaluating them cost the start-up tens of ms at 4× CPU), forms,
  // Markdown, the video player.
  expect(files.filter((file) => /^(zod|forms|markdown|hls)-/.test(file))).toEqual([])
})

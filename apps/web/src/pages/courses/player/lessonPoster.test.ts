import { expect, test } from 'vitest'
import { lessonPoster, wrap } from './lessonPoster.ts'

test('the poster is an SVG image with the module and the lesson title, safely escaped', () => {
  const url = lessonPoster({ eyebrow: 'Module 1 & co', title: 'Je eerste <bot> bouwen' })
  expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true)
  const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1))
  expect(svg).toContain('>Module 1 &amp; co</text>')
  expect(svg).toContain('>Je eerste &lt;bot&gt; bouwen</text>')
  expect(svg).not.toContain('<bot>')
})

test('long titles wrap on words into at most three lines', () => {
  expect(wrap('Een korte titel', 30, 3)).toEqual(['Een korte titel'])
  const lines = wrap('Zo ontwerp je gesprekken die mensen niet laten afhaken, ook niet als ze haast hebben of twijfelen over je aanbod', 30, 3)
  expect(lines).toHaveLength(3)
  expect(lines.every((line) => line.length <= 38)).toBe(true)
  expect(lines[2]!.endsWith('…')).toBe(true)
})

import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'

/*
 * axe-core in a playwright-core page. Its source goes in through `page.evaluate` (the DevTools
 * protocol), not a <script> tag: the site's CSP allows only its own scripts, and a test must not
 * loosen it (the pages' CSP refusals are themselves asserted on).
 */

const require = createRequire(import.meta.url)
const axeSource: string = (require('axe-core') as { source: string }).source

/** Every WCAG 2.0, 2.1 and 2.2 success criterion at level A and AA that axe can test. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const

/**
 * A colour-contrast result axe could not decide ("needs review": text on a gradient, a background
 * image, a single character, a box partly scrolled out of its container) — measured here instead,
 * never passed over: the worst WCAG contrast between the text colour and every colour its background
 * takes (see `measureContrast`).
 */
export interface MeasuredContrast {
  target: string
  /** axe's reason it could not judge, e.g. bgGradient, shortTextContent, elmPartiallyObscured. */
  reason: string
  /** The lowest contrast ratio found anywhere behind the text; null when it could not be measured. */
  ratio: number | null
  /** 4.5, or 3 for large text (≥ 24px, or ≥ 18.66px bold). */
  required: number
  /** What the measurement saw or why it could not measure. */
  note: string
  html: string
}

export interface AxeReport {
  violations: Result[]
  contrast: MeasuredContrast[]
}

async function injectAxe(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.evaluate(axeSource)
  // The transform of this file may name inner functions through esbuild's `__name` helper, which the
  // page does not have; `measureContrast` below is sent as its source.
  await page.evaluate('window.__name = window.__name || ((f) => f)')
}

export async function runAxe(page: Page): Promise<AxeReport> {
  await injectAxe(page)
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
      }),
    [...WCAG_AA_TAGS],
  )
  const undecided = results.incomplete
    .filter((result) => result.id === 'color-contrast')
    .flatMap((result) =>
      result.nodes.map((node) => ({
        target: node.target.join(' '),
        reason: node.any.map((check) => (check.data as { messageKey?: string } | null)?.messageKey ?? check.message).join(', '),
        html: node.html,
      })),
    )
  const contrast: MeasuredContrast[] = []
  for (const node of undecided) {
    const measured = await page.evaluate(measureContrast, node.target)
    contrast.push({ ...node, ...measured })
  }
  return { violations: results.violations, contrast }
}

/**
 * Runs in the page. The text colour (with the opacity of its ancestors) against every colour behind
 * it: the elements under its centre (`elementsFromPoint`, after scrolling it into view), their
 * background colours, every gradient layer sampled along its stops (and `::before`/`::after`
 * backgrounds), composited from the first opaque colour up — all gradient layers at full strength on
 * top of each other, so the darkest and lightest the background gets. Text painted with a gradient
 * (`background-clip: text`) takes that gradient's colours as its own. A `url()` image behind text
 * cannot be measured and fails, except the arrow icon of a `<select>` and an icon placed in the left
 * padding (both drawn beside the text).
 */
function measureContrast(target: string): { ratio: number | null; required: number; note: string } {
  type Rgba = [number, number, number, number]
  const element = document.querySelector(target)
  if (!element) return { ratio: null, required: 4.5, note: 'element not found' }
  // Instantly, whatever a scrolling box's CSS says: the measurement needs the element where it ends up.
  element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' })
  const style = getComputedStyle(element)
  const size = Number.parseFloat(style.fontSize)
  const bold = Number.parseInt(style.fontWeight, 10) >= 700
  const required = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5

  const parse = (value: string): Rgba | null => {
    const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(value)
    if (!m) return value.trim() === 'transparent' ? [0, 0, 0, 0] : null
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number.parseFloat(m[4])
    return [Number(m[1]), Number(m[2]), Number(m[3]), alpha]
  }
  const over = (top: Rgba, under: Rgba): Rgba => [0, 1, 2].map((k) => top[k]! * top[3] + under[k]! * (1 - top[3])).concat(1) as Rgba
  const mix = (a: Rgba, b: Rgba, f: number): Rgba => [0, 1, 2, 3].map((k) => a[k]! + (b[k]! - a[k]!) * f) as Rgba
  const luminance = ([r, g, b]: Rgba) => {
    const c = (v: number) => {
      const s = v / 255
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
  }
  const contrast = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
    return (hi + 0.05) / (lo + 0.05)
  }
  /** The layers of a computed background-image, top first: gradients as sampled colours, or 'url'. */
  const layers = (image: string): (Rgba[] | 'url')[] => {
    if (image === 'none') return []
    const out: (Rgba[] | 'url')[] = []
    for (const layer of image.split(/,(?![^(]*\))(?=\s*(?:[a-z-]+-gradient|url)\()/)) {
      if (/^\s*url\(/.test(layer)) {
        out.push('url')
        continue
      }
      const stops = [...layer.matchAll(/rgba?\([^)]*\)|transparent/g)].map((m) => parse(m[0])!).filter(Boolean)
      const samples: Rgba[] = []
      stops.forEach((stop, i) => {
        const next = stops[i + 1]
        if (!next) return samples.push(stop)
        for (let j = 0; j < 10; j += 1) samples.push(mix(stop, next, j / 10))
      })
      out.push(samples)
    }
    return out
  }
  const dedupe = (colors: Rgba[]): Rgba[] => {
    const seen = new Map<string, Rgba>()
    for (const c of colors) seen.set(c.map((v) => Math.round(v)).join(','), c)
    return [...seen.values()]
  }

  // Near the start of the text's first line (a long line may be cut off by its scrolling container,
  // an inline link may start mid-line), mid-height.
  const rect = element.getClientRects()[0] ?? element.getBoundingClientRect()
  const x = rect.left + Math.min(rect.width / 2, 8)
  const y = rect.top + rect.height / 2
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return { ratio: null, required, note: `outside the viewport (${x},${y})` }
  const stack = document.elementsFromPoint(x, y)
  // Not hit-testable itself (pointer-events: none, a button's content): its nearest ancestor that is.
  let index = stack.indexOf(element)
  if (index === -1) index = stack.findIndex((candidate) => candidate.contains(element))
  if (index === -1) return { ratio: null, required, note: `not under its own text (${x},${y})` }
  const coveredBy = stack.slice(0, index).filter((above) => !element.contains(above) && parse(getComputedStyle(above).backgroundColor)![3] > 0)
  if (coveredBy.length > 0) return { ratio: null, required, note: `covered by ${coveredBy[0]!.tagName.toLowerCase()}.${coveredBy[0]!.className}` }

  const notes: string[] = []
  let textColors: Rgba[] | null = null
  // From the text's element down to the first opaque background colour.
  const below: { colors: Rgba[] }[] = []
  let base: Rgba = [255, 255, 255, 1]
  for (const under of stack.slice(index)) {
    const own = getComputedStyle(under)
    const clipText = own.backgroundClip === 'text' || own.getPropertyValue('-webkit-background-clip') === 'text'
    // A pseudo-element placed absolutely inside the left padding (a list's check-mark icon) is beside
    // the text, not behind it.
    const beside = (pseudo: CSSStyleDeclaration) =>
      pseudo.position === 'absolute' && Number.parseFloat(pseudo.left) + Number.parseFloat(pseudo.width) <= Number.parseFloat(own.paddingLeft)
    const pseudos = ['::before', '::after'].map((which) => getComputedStyle(under, which))
    for (const pseudo of pseudos) if (pseudo.backgroundImage !== 'none' && beside(pseudo)) notes.push(`${under.tagName.toLowerCase()} icon beside the text`)
    const parts = [own.backgroundImage, ...pseudos.map((pseudo) => (beside(pseudo) ? 'none' : pseudo.backgroundImage))]
    for (const [i, image] of parts.entries()) {
      for (const layer of layers(image)) {
        if (layer === 'url') {
          if (under === element && element.tagName === 'SELECT' && i === 0) {
            notes.push('select arrow icon beside the text')
            continue
          }
          return { ratio: null, required, note: `a url() image behind the text on ${under.tagName.toLowerCase()}` }
        }
        if (clipText && i === 0 && under === element) textColors = layer
        else below.push({ colors: layer })
      }
    }
    const color = parse(own.backgroundColor)!
    if (color[3] >= 1) {
      base = color
      break
    }
    if (color[3] > 0) below.push({ colors: [color] })
  }
  // Composite bottom-up: each layer over every colour possible beneath it.
  let backgrounds: Rgba[] = [base]
  for (const layer of below.reverse()) backgrounds = dedupe(layer.colors.flatMap((top) => backgrounds.map((under) => over(top, under))))

  let opacity = 1
  for (let e: Element | null = element; e; e = e.parentElement) opacity *= Number.parseFloat(getComputedStyle(e).opacity)
  const own = parse(style.color)!
  const texts = (textColors ?? [own]).map((c): Rgba => [c[0], c[1], c[2], c[3] * opacity])
  let worst = Infinity
  for (const background of backgrounds) for (const text of texts) worst = Math.min(worst, contrast(over(text, background), background))
  notes.push(`${backgrounds.length} background colours${textColors ? ', gradient text' : ''}`)
  return { ratio: Math.round(worst * 100) / 100, required, note: notes.join('; ') }
}

/** One violation per line block: rule, impact, help, and each element it failed on (selector + why). */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}\n      ${node.html.slice(0, 200)}`)
        .join('\n')
      return `  [${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`
    })
    .join('\n')
}

/**
 * Fails with a readable list when axe finds any WCAG A/AA violation on the page as it is now, or when
 * a contrast axe left undecided measures below AA (or cannot be measured).
 */
export async function expectNoAxeViolations(page: Page, context: string): Promise<AxeReport> {
  const report = await runAxe(page)
  const problems: string[] = []
  if (report.violations.length > 0) problems.push(`axe violations on ${context} (${page.url()}):\n${formatViolations(report.violations)}`)
  const low = report.contrast.filter((node) => node.ratio === null || node.ratio < node.required)
  if (low.length > 0) {
    problems.push(
      `colour contrast axe left undecided, measured below AA on ${context} (${page.url()}):\n` +
        low.map((node) => `    ${node.target} (${node.reason}): ${node.ratio ?? 'not measurable'} < ${node.required} — ${node.note}\n      ${node.html.slice(0, 200)}`).join('\n'),
    )
  }
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return report
}

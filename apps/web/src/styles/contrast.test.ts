import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

/*
 * axe cannot judge text on a gradient (it reports "needs review"), so the contrast of every text that
 * sits on one is computed here, from the stylesheets themselves: WCAG 2.x relative luminance and
 * contrast ratio, sampled along the gradient. AA: 4.5:1 for normal text, 3:1 for large text (≥ 24px,
 * or ≥ 18.66px bold).
 */

type Rgb = [number, number, number]

const css = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')
const base = css('./base.css')
const home = css('../pages/site/home.css')
const layout = css('./layout.css')

function variable(name: string): string {
  const match = new RegExp(`--${name}:\\s*([^;]+);`).exec(base)
  if (!match) throw new Error(`--${name} is not in base.css`)
  return match[1]!.trim()
}

function hex(value: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(value.trim())
  if (!m) throw new Error(`not a #rrggbb colour: ${value}`)
  const n = Number.parseInt(m[1]!, 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** A colour token or literal: var(--x) resolved through base.css. */
function color(value: string): Rgb {
  const v = /^var\(--([\w-]+)\)$/.exec(value.trim())
  return v ? color(variable(v[1]!)) : hex(value)
}

/** The stops of a linear-gradient(angle, c1 p1%, c2 p2%, …). */
function stops(gradient: string): { at: number; rgb: Rgb }[] {
  const inner = /^linear-gradient\((.*)\)$/.exec(gradient.trim())![1]!
  const parts = inner.split(/,(?![^(]*\))/).slice(1)
  return parts.map((part, i) => {
    const m = /^\s*(var\(--[\w-]+\)|#[0-9a-f]{6})\s*(\d+(?:\.\d+)?%)?\s*$/i.exec(part)
    if (!m) throw new Error(`unexpected gradient stop: ${part}`)
    return { at: m[2] ? Number.parseFloat(m[2]) / 100 : i / (parts.length - 1), rgb: color(m[1]!) }
  })
}

/** Every colour along the gradient, 1 % apart (browsers interpolate in sRGB by default). */
function sample(gradient: string): Rgb[] {
  const list = stops(gradient)
  const out: Rgb[] = []
  for (let i = 0; i <= 100; i += 1) {
    const t = i / 100
    const next = list.findIndex((stop) => stop.at >= t)
    const b = list[next === -1 ? list.length - 1 : next]!
    const a = list[Math.max(0, (next === -1 ? list.length : next) - 1)]!
    const f = b.at === a.at ? 0 : (t - a.at) / (b.at - a.at)
    out.push([0, 1, 2].map((k) => a.rgb[k]! + (b.rgb[k]! - a.rgb[k]!) * f) as Rgb)
  }
  return out
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** An rgb(r g b / a%) overlay composited over an opaque colour. */
function over(overlay: string, under: Rgb): Rgb {
  const m = /rgb\((\d+) (\d+) (\d+) \/ (\d+)%\)/.exec(overlay)!
  const alpha = Number(m[4]) / 100
  return [1, 2, 3].map((k, i) => Number(m[k]) * alpha + under[i]! * (1 - alpha)) as Rgb
}

const worst = (colors: Rgb[], text: Rgb) => Math.min(...colors.map((c) => contrast(c, text)))
const WHITE: Rgb = [255, 255, 255]

describe('text on the brand gradient meets WCAG AA', () => {
  test('the formula: black on white is 21:1, a colour on itself 1:1, #767676 on white just AA', () => {
    expect(contrast([0, 0, 0], WHITE)).toBeCloseTo(21, 5)
    expect(contrast([91, 61, 245], [91, 61, 245])).toBe(1)
    expect(contrast(hex('#767676'), WHITE)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(hex('#777777'), WHITE)).toBeLessThan(4.5)
  })

  test('white text (primary buttons, badges, chat bubbles, the closing band, avatars): 4.5:1 everywhere on it', () => {
    const colors = sample(variable('gradient'))
    expect(colors).toHaveLength(101)
    expect(worst(colors, WHITE)).toBeGreaterThanOrEqual(4.5)
  })

  test('gradient-coloured large text (figures, step numbers, 404) on white and on the surface: 3:1', () => {
    const colors = sample(variable('gradient'))
    for (const background of [color(variable('bg')), color(variable('surface'))]) {
      expect(worst(colors, background)).toBeGreaterThanOrEqual(3)
    }
  })

  test('body text on the soft gradient (buy prompt, tinted sections): 4.5:1, muted text included', () => {
    const colors = sample(variable('gradient-soft'))
    for (const text of [color(variable('text')), color(variable('text-muted')), color(variable('brand-strong'))]) {
      expect(worst(colors, text)).toBeGreaterThanOrEqual(4.5)
    }
  })

  test('text over the tinted glows of the hero and the log-in pages: 4.5:1 where they are strongest', () => {
    for (const sheet of [home, layout]) {
      const glows = [...sheet.matchAll(/radial-gradient\([^,]+,\s*(rgb\([^)]+\))/g)]
      expect(glows.length).toBeGreaterThanOrEqual(2)
      // A page's glows at full strength on top of each other: the darkest its background gets.
      const darkest = glows.reduce<Rgb>((under, glow) => over(glow[1]!, under), color(variable('bg')))
      for (const text of [color(variable('text')), color(variable('text-muted')), color(variable('brand-strong'))]) {
        expect(contrast(darkest, text)).toBeGreaterThanOrEqual(4.5)
      }
    }
  })
})

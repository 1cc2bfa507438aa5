import { describe, expect, it } from 'vitest'
import { renderNewsletterHtml, renderNewsletterText } from './render-newsletter.ts'
import { newsletterHeaders } from './send-newsletter.ts'

describe('newsletter rendering', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[klik](javascript:alert(1))',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<style>body{display:none}</style>',
    '<div onclick="alert(1)">x</div>',
    '![x](http://tracker.example/pixel.gif)',
    '<svg><script>alert(1)</script></svg>',
  ])('removes what could run or track: %s', (markdown) => {
    const html = renderNewsletterHtml(`Hallo\n\n${markdown}`)
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|data:text|<iframe|<style|<svg|http:\/\/tracker/i)
    expect(html).toContain('Hallo')
  })

  it('keeps markdown formatting, https links and https images (which never overflow on a phone)', () => {
    const html = renderNewsletterHtml('# Titel\n\n**vet** en [cursus](https://jouwbot.nl/cursus)\n\n![bot](https://jouwbot.nl/bot.png)')
    expect(html).toContain('<h1>Titel</h1>')
    expect(html).toContain('<strong>vet</strong>')
    expect(html).toMatch(/<a href="https:\/\/jouwbot.nl\/cursus"[^>]*>cursus<\/a>/)
    expect(html).toMatch(/<img src="https:\/\/jouwbot.nl\/bot.png" alt="bot" style="max-width:100%;height:auto"/)
  })

  it('writes links out in the plain-text part', () => {
    expect(renderNewsletterText('## Kop\n\nLees **dit**: [de cursus](https://jouwbot.nl/cursus).')).toBe('Kop\n\nLees dit: de cursus (https://jouwbot.nl/cursus).')
  })

  it('has the RFC 2369/8058 headers with an https and a mailto unsubscribe', () => {
    const headers = newsletterHeaders('https://jouwbot.nl', 'afmelden@jouwbot.nl', 'tok_en-1')
    expect(headers).toEqual({
      'List-Id': 'Jouw Bot nieuwsbrief <nieuwsbrief.jouwbot.nl>',
      'List-Unsubscribe': '<https://jouwbot.nl/nieuwsbrief/afmelden?token=tok_en-1>, <mailto:afmelden@jouwbot.nl?subject=unsubscribe%20tok_en-1>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
  })
})

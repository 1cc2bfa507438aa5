import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { premiumCursus } from '@jouwbot/course-content'
import { plainText, sentencesOf, shorten, slidesForLesson, speakable } from './lesson-slides.ts'
import { parseWav, pcmSeconds, runTool, silence, wavFile } from './narration.ts'
import { webVtt } from './render-lesson-video.ts'
import { slideSvg, wrap } from './slide-image.ts'

const lesson = {
  title: 'Hoe een **bot** werkt',
  summary: 'De bouwstenen: pagina, app en webhook.',
  moduleTitle: 'Fundamenten & strategie',
  bodyMarkdown: [
    'Inleiding zonder kop. Tweede zin.',
    '## De bouwstenen',
    '- **Pagina** – het gezicht van de bot. Gebruikers sturen een bericht.',
    '- `Webhook` – een [HTTPS-adres](https://example.nl) op jouw server.',
    '## Een voorbeeld',
    'Zo ziet een bericht eruit.',
    '```json\n{ "a": 1 }\n```',
    '> **Tip:** Test met een tweede account.',
  ].join('\n\n'),
}

describe('slides from a lesson text', () => {
  test('a title slide, a slide per section with its key points, a closing slide', () => {
    const slides = slidesForLesson(lesson)
    expect(slides.map((s) => [s.kind, s.heading])).toEqual([
      ['title', 'Hoe een bot werkt'],
      ['points', 'Hoe een bot werkt'], // the text before the first heading
      ['points', 'De bouwstenen'],
      ['points', 'Een voorbeeld'],
      ['closing', 'Aan de slag'],
    ])
    expect(slides[0]).toMatchObject({ eyebrow: 'Fundamenten & strategie', lead: 'De bouwstenen: pagina, app en webhook.' })
    expect(slides[2]!.points).toEqual([
      { text: 'Pagina – het gezicht van de bot.', spoken: 'Pagina – het gezicht van de bot. Gebruikers sturen een bericht.' },
      { text: 'Webhook – een HTTPS-adres op jouw server.', spoken: 'Webhook – een HTTPS-adres op jouw server.' },
    ])
    // Lists win over prose; the tip is a point; code is named, not read out.
    expect(slides[3]!.points.map((p) => p.text)).toEqual(['Tip: Test met een tweede account.', 'Codevoorbeeld: zie de lestekst onder de video'])
    expect(slides[3]!.sentences).toEqual(['Een voorbeeld.', 'Tip: Test met een tweede account.', 'Het codevoorbeeld staat in de lestekst onder de video.'])
    expect(slides.flatMap((s) => s.sentences).join(' ')).not.toMatch(/[*`[\]{}]/)
  })

  test('limits: sections and points per slide', () => {
    const slides = slidesForLesson(lesson, { maxSections: 1, maxPoints: 1 })
    expect(slides).toHaveLength(3)
    expect(slides[1]!.points).toHaveLength(1)
  })

  test('every lesson of the demo course gives a title slide, at least one slide of points and a closing slide', () => {
    for (const module of premiumCursus.modules) {
      for (const l of module.lessons) {
        const slides = slidesForLesson({ ...l, moduleTitle: module.title })
        expect(slides.length, l.slug).toBeGreaterThanOrEqual(3)
        expect(slides.length, l.slug).toBeLessThanOrEqual(7)
        for (const slide of slides) {
          expect(slide.sentences.length, l.slug).toBeGreaterThan(0)
          expect(slideSvg(slide, { courseTitle: 'Premium Cursus', lessonTitle: l.title, index: 0, count: slides.length })).toMatch(/^<svg[^]*<\/svg>$/)
        }
      }
    }
  })

  test('text helpers', () => {
    expect(plainText('**Vet**, _schuin_ en `code` met [link](https://x.nl)')).toBe('Vet, schuin en code met link')
    expect(sentencesOf('Eén zin. Nog een! En "een derde"? Ja.')).toEqual(['Eén zin.', 'Nog een!', 'En "een derde"?', 'Ja.'])
    expect(sentencesOf('Kost €297 p.m. tot 2027. Daarna 12.5 euro.')).toEqual(['Kost €297 p.m. tot 2027.', 'Daarna 12.5 euro.'])
    expect(shorten('a'.repeat(20) + ' ' + 'b'.repeat(20), 30)).toBe(`${'a'.repeat(20)}…`)
    expect(speakable('Kosten – €297 & 21% btw → klaar *nu*')).toBe('Kosten, 297 euro en 21 procent btw, dan klaar nu')
    expect(wrap('een twee drie vier vijf zes zeven acht negen tien', 30, 200, 2)).toHaveLength(2)
    expect(wrap('een twee drie vier vijf zes zeven acht negen tien', 30, 200, 2).at(-1)).toMatch(/…$/)
  })

  test('WebVTT: numbered cues, escaped text, millisecond timestamps', () => {
    expect(webVtt([{ start: 0.5, end: 2.25, text: 'A < B & C' }, { start: 3661.001, end: 3662, text: 'Twee' }])).toBe(
      'WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.250\nA &lt; B &amp; C\n\n2\n01:01:01.001 --> 01:01:02.000\nTwee\n',
    )
  })

  test('WAV: written and read back, silence has its length', () => {
    const pcm = { sampleRate: 22050, data: silence(22050, 1.5) }
    const back = parseWav(wavFile(pcm))
    expect(back.sampleRate).toBe(22050)
    expect(pcmSeconds(back)).toBeCloseTo(1.5, 5)
    expect(() => parseWav(Buffer.from('not a wav file at all, really'))).toThrow('not a WAV file')
  })
})

/** The processes whose command line is exactly `args` (from /proc). */
function processesRunning(args: string[]): number {
  const wanted = `${args.join('\0')}\0`
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8') === wanted
      } catch {
        return false // ended meanwhile
      }
    }).length
}

describe('runTool', () => {
  test('an aborted signal kills the tool and rejects (a job stopping with the server)', async () => {
    // A duration of its own, so that no other process (another run of this test) has this command line.
    const args = ['sleep', (29 + Math.random()).toFixed(6)]
    const controller = new AbortController()
    const run = runTool(args[0]!, args.slice(1), { signal: controller.signal })
    const settled = run.catch((error: unknown) => error)
    for (let i = 0; i < 1000 && processesRunning(args) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(processesRunning(args)).toBe(1)
    controller.abort()
    expect(await settled).toMatchObject({ name: 'AbortError' })
    // SIGKILL is delivered by the time the child's close arrives; the rejection comes with the abort itself.
    for (let i = 0; i < 1000 && processesRunning(args) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(processesRunning(args)).toBe(0)
  })

  test('a tool that fails rejects with the end of its stderr', async () => {
    await expect(runTool('sh', ['-c', 'echo broken pipe dream >&2; exit 3'])).rejects.toThrow(/sh failed \(exit 3\): broken pipe dream/)
  })
})

import { expect, test } from 'vitest'
import { activeIndex, parseTimestamp, parseVtt } from './vtt.ts'

test('reads timestamps with and without hours', () => {
  expect(parseTimestamp('00:01.500')).toBe(1.5)
  expect(parseTimestamp('01:02:03.004')).toBeCloseTo(3723.004)
  expect(parseTimestamp('1:02.000')).toBeNull()
  expect(parseTimestamp('00:61.000')).toBeNull()
  expect(parseTimestamp('00:01,500')).toBeNull()
})

test('parses cues with identifiers, settings, several lines and CRLF line ends', () => {
  const source = [
    '\uFEFFWEBVTT - Les 1',
    '',
    '1',
    '00:00:00.000 --> 00:00:04.000 line:90% align:center',
    'Welkom bij de cursus.',
    '',
    '00:04.000 --> 00:07.250',
    'Vandaag bouwen we',
    'je eerste chatbot.',
    '',
  ].join('\r\n')
  expect(parseVtt(source)).toEqual([
    { start: 0, end: 4, text: 'Welkom bij de cursus.' },
    { start: 4, end: 7.25, text: 'Vandaag bouwen we\nje eerste chatbot.' },
  ])
})

test('skips NOTE, STYLE and REGION blocks and broken cues', () => {
  const source = `WEBVTT

NOTE Dit is een opmerking
over twee regels

STYLE
::cue { color: red }

REGION
id:onder

00:01.000 --> 00:00.500
eind voor begin

kapot --> 00:02.000
geen tijd

00:03.000 --> 00:04.000

00:05.000 --> 00:06.000
Goed
`
  expect(parseVtt(source)).toEqual([{ start: 5, end: 6, text: 'Goed' }])
})

test('strips tags and decodes character references, never keeping markup', () => {
  const source = `WEBVTT

00:00.000 --> 00:02.000
<v Lieke>Hallo &amp; <i>welkom</i> &lt;script&gt; &#233;&#x20AC; &onbekend;</v>
`
  expect(parseVtt(source)[0]?.text).toBe('Hallo & welkom <script> é€ &onbekend;')
})

test('sorts cues by start time and tolerates an empty or headerless file', () => {
  expect(parseVtt('')).toEqual([])
  expect(parseVtt('WEBVTT\n')).toEqual([])
  const cues = parseVtt('00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA')
  expect(cues.map((cue) => cue.text)).toEqual(['A', 'B'])
})

test('finds the cue or chapter that is on', () => {
  const cues = [
    { start: 0, end: 2 },
    { start: 3, end: 5 },
  ]
  expect(activeIndex(cues, 1)).toBe(0)
  expect(activeIndex(cues, 2.5)).toBe(-1)
  expect(activeIndex(cues, 4)).toBe(1)
  const chapters = [{ start: 0 }, { start: 60 }, { start: 120 }]
  expect(activeIndex(chapters, 90)).toBe(1)
  expect(activeIndex(chapters, 500)).toBe(2)
  expect(activeIndex([{ start: 10 }], 5)).toBe(-1)
})

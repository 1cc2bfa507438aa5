import i18next from 'i18next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { expect, test } from 'vitest'
import nl from '../i18n/nl.json'
import { MarkdownRenderer } from './MarkdownRenderer.tsx'

// The Dutch catalog in an instance of its own (the app's i18n module needs a browser).
const i18n = i18next.createInstance()
void i18n.init({ resources: { nl: { translation: nl } }, lng: 'nl', initAsync: false, interpolation: { escapeValue: false } })

const render = (source: string) =>
  // A .ts test (the unit project runs *.test.ts): elements without JSX.
  renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(MemoryRouter, null, createElement(MarkdownRenderer, { source }))))

test('code blocks and tables, which may scroll sideways, can be reached with the keyboard', () => {
  const html = render('```js\nconst bot = createBot({ name: "Bakkerij de Molen", greeting: "Hoi! Waarmee kan ik je helpen?" })\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
  // Named regions: a screen reader says what got focus.
  expect(html).toMatch(/<pre tabindex="0" role="region" aria-label="Codevoorbeeld"><code class="language-js">/)
  expect(html).toContain('<div class="table-wrap" tabindex="0" role="region" aria-label="Tabel"><table class="table">')
  // Inline code is no scrolling box: no tab stop.
  expect(render('Gebruik `npm start`.')).not.toContain('tabindex')
})

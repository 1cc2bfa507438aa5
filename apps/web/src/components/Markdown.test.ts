import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { expect, test } from 'vitest'
import { Markdown } from './Markdown.tsx'

const render = (source: string) =>
  // A .ts test (the unit project runs *.test.ts): elements without JSX.
  renderToStaticMarkup(createElement(MemoryRouter, null, createElement(Markdown, { source })))

test('code blocks and tables, which may scroll sideways, can be reached with the keyboard', () => {
  const html = render('```js\nconst bot = createBot({ name: "Bakkerij de Molen", greeting: "Hoi! Waarmee kan ik je helpen?" })\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
  expect(html).toMatch(/<pre tabindex="0"><code class="language-js">/)
  expect(html).toContain('<div class="table-wrap" tabindex="0"><table class="table">')
  // Inline code is no scrolling box: no tab stop.
  expect(render('Gebruik `npm start`.')).not.toContain('tabindex')
})

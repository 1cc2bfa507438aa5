import { describe, expect, test } from 'vitest'
import { countLinks, renderCommentMarkdown, renderPostMarkdown } from './markdown.ts'

/** Inputs that try to run script or load something through a comment (OWASP XSS filter evasion, shortened). */
const xssCorpus = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">klik</a>',
  '[klik](javascript:alert(1))',
  '[klik](JaVaScRiPt:alert(1))',
  '[klik](java\tscript:alert(1))',
  '[klik](&#106;avascript:alert(1))',
  '[klik](&#x6A;avascript:alert(1))',
  '[klik](%6Aavascript:alert(1))',
  '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klik](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p onclick="alert(1)">klik</p>',
  '<a href="https://ok.example" onmouseover="alert(1)">x</a>',
  '<object data="javascript:alert(1)"></object><embed src="x.swf">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<<script>script>alert(1)<</script>/script>',
  '`<script>alert(1)</script>`',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<input autofocus onfocus=alert(1)>',
  '[x](https://ok.example "t\\" onmouseover=\\"alert(1))',
]

const allowedTags = new Set(['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'])

/**
 * Every real tag of the output (a `<` that is markup; typed markup arrives as `&lt;` text) is on the
 * comment allow-list, carries no attribute but a link's href and rel (and a code block's tabindex="0"),
 * and every href is http(s) or mailto.
 */
function assertHarmless(out: string): void {
  for (const [, closing, name, attributes] of out.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    expect(allowedTags.has(name!.toLowerCase()), `tag <${closing}${name}> in ${out}`).toBe(true)
    const names = [...attributes!.matchAll(/([^\s=/]+)\s*=/g)].map((m) => m[1]!.toLowerCase())
    for (const attribute of names) expect(name === 'pre' ? ['tabindex'] : ['href', 'rel'], `attribute ${attribute} in ${out}`).toContain(attribute)
    if (name === 'pre' && names.length > 0) expect(attributes!.trim()).toBe('tabindex="0"')
    const href = attributes!.match(/href="([^"]*)"/)?.[1]
    if (href !== undefined) expect(href).toMatch(/^(https?:\/\/|mailto:)/)
  }
  expect(out).not.toMatch(/<(script|style|iframe|svg|img)/i)
}

describe('comment markdown', () => {
  test.each(xssCorpus)('renders %j harmless', (input) => {
    assertHarmless(renderCommentMarkdown(input))
    assertHarmless(renderCommentMarkdown(`tekst ervoor\n\n${input}\n\ntekst erna`))
  })

  test('shows raw HTML as text, so the member sees what they typed', () => {
    expect(renderCommentMarkdown('<b>vet</b>')).toBe('<p>&lt;b&gt;vet&lt;/b&gt;</p>\n')
  })

  test('keeps the subset: emphasis, lists, code, quotes and safe links with rel="nofollow ugc noopener"', () => {
    const out = renderCommentMarkdown('*schuin* **vet** `code`\n\n- een\n- twee\n\n> citaat\n\n[site](https://jouwbot.nl) en https://example.nl')
    expect(out).toContain('<em>schuin</em>')
    expect(out).toContain('<strong>vet</strong>')
    expect(out).toContain('<code>code</code>')
    expect(out).toContain('<li>een</li>')
    expect(out).toContain('<blockquote>')
    expect(out).toContain('<a href="https://jouwbot.nl" rel="nofollow ugc noopener">site</a>')
    expect(out).toContain('<a href="https://example.nl" rel="nofollow ugc noopener">https://example.nl</a>')
  })

  test('drops images (the alt text stays) and headings (their text stays)', () => {
    const out = renderCommentMarkdown('![een plaatje](https://example.nl/a.png)\n\n# Kop')
    expect(out).not.toContain('<img')
    expect(out).not.toContain('<h1')
    expect(out).toContain('een plaatje')
    expect(out).toContain('Kop')
  })

  test('counts links of every form', () => {
    expect(countLinks('[a](https://a.nl) https://b.nl www.c.nl mailto:d@e.nl geen link')).toBe(4)
  })
})

describe('code blocks, which scroll sideways when a line is long, are keyboard stops', () => {
  test.each([
    ['post', renderPostMarkdown],
    ['comment', renderCommentMarkdown],
  ])('%s: <pre tabindex="0">; inline code and an author\'s own tabindex are not', (_kind, render) => {
    expect(render('```js\nconst bot = createBot({ name: "Bakkerij de Molen" })\n```')).toMatch(/^<pre tabindex="0"><code( class="language-js")?>const bot/)
    expect(render('Gebruik `npm start`.')).not.toContain('tabindex')
    // (In a comment the raw HTML is shown as text: no real tag either way.)
    expect(render('<pre tabindex="-1" onfocus="alert(1)">x</pre>')).not.toMatch(/<pre[^>]*(tabindex="-1"|onfocus)/)
  })
})

describe('post markdown', () => {
  test('keeps own images and headings (h1 becomes h2: the title is the page’s h1) but no script, frames or images from elsewhere', () => {
    const out = renderPostMarkdown('# Titel\n\n![schema](https://jouwbot.nl/a.png)\n\n![lokaal](/blog/images/a.webp)\n\n<script>alert(1)</script><iframe src="https://x"></iframe>![x](data:image/png;base64,AAAA)')
    expect(out).toContain('<h2>Titel</h2>')
    expect(out).not.toContain('https://jouwbot.nl/a.png')
    expect(out).toContain('<img src="/blog/images/a.webp" alt="lokaal" loading="lazy" />')
    expect(out).not.toMatch(/<script|<iframe|src="data:/i)
  })
})

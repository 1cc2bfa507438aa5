import type { AppDeps } from '@jouwbot/api'
import { formatEuro, listActiveProducts } from '@jouwbot/api/checkout'
import { renderPostMarkdown } from '@jouwbot/api/marketing/blog'
import type { WebRoutePattern } from '@jouwbot/shared'
// The same Dutch texts the SPA shows, so the script-free version cannot drift from it.
import nl from '../../../../web/src/i18n/nl.json' with { type: 'json' }
import { escapeHtml, html, raw, type SafeHtml } from '../marketing/public-page.ts'
import type { ServerRendered } from './server-render.ts'

/**
 * What the SPA shell carries for a visitor without JavaScript, a crawler or a share preview: the
 * page's own title, description and OpenGraph tags in the head, and its essential content in a
 * `<noscript>` block after `#root` (a browser running scripts never renders it, so the SPA takes
 * over untouched). Pages that need a member or a script get a short notice instead.
 */
export interface ShellContent {
  status: 200 | 404
  title: string
  description: string
  /** Path of the canonical address (made absolute with APP_ORIGIN); none for a 404. */
  canonicalPath: string | null
  body: SafeHtml
}

const SITE = 'Jouw Bot'
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(values[key] ?? ''))
const inclVat = (basisPoints: number) => fill(nl.pricing.inclVat, { rate: basisPoints / 100 })

const notFound = (): ShellContent => ({
  status: 404,
  title: `${nl.notFound.title} — ${SITE}`,
  description: nl.notFound.text,
  canonicalPath: null,
  body: html`<div class="container page-narrow"><h1>${nl.notFound.title}</h1><p>${nl.notFound.text}</p><p><a href="/">${nl.common.backHome}</a></p></div>`,
})

type Product = Awaited<ReturnType<typeof listActiveProducts>>[number]

const productList = (products: Product[]): SafeHtml =>
  products.length === 0
    ? html`<p>${nl.pricing.emptyText}</p>`
    : html`<ul>${products.map(
        (p) => html`<li><h2>${p.name}</h2><p>${p.description}</p><p><strong>${formatEuro(p.priceCents, 'nl')}</strong> ${inclVat(p.vatRateBasisPoints)}</p><p><a href="/afrekenen/${p.slug}">${nl.pricing.buy}: ${p.name}</a></p></li>`,
      )}</ul>`

const jsNeeded = html`<p class="container">${'Deze pagina heeft JavaScript nodig. Zet JavaScript aan, of lees verder op '}<a href="/">${'de homepage'}</a>, <a href="/prijzen">${nl.pricing.eyebrow}</a> ${'en'} <a href="/blog">Blog</a>.</p>`

/** The content for one route of the SPA; `null` pattern means no route matched (a 404). */
export async function shellContent(deps: AppDeps, pattern: WebRoutePattern | null, pathname: string): Promise<ShellContent> {
  if (pattern === null) return notFound()
  const canonicalPath = pathname.replace(/(.)\/$/, '$1')
  switch (pattern) {
    case '/': {
      const products = await listActiveProducts(deps.db, 'nl')
      const coursePrices = products.filter((p) => p.includesCourse).map((p) => p.priceCents)
      const [courseSlug] = await deps.courses.publishedSlugs(deps.db)
      const h = nl.home
      const phases = [h.course.build, h.course.launch, h.course.sell]
      return {
        status: 200,
        title: `${SITE} — ${h.hero.title}`,
        description: h.hero.lead,
        canonicalPath: '/',
        body: html`<div class="container">
<p>${h.hero.eyebrow}</p><h1>${h.hero.title}</h1><p>${h.hero.lead}</p>
${coursePrices.length > 0 ? html`<p>${fill(h.hero.price, { price: formatEuro(Math.min(...coursePrices), 'nl') })}</p>` : ''}
<p><a href="/prijzen">${h.hero.cta}</a>${courseSlug ? html` · <a href="/cursus/${courseSlug}">${h.hero.secondary}</a>` : ''}</p>
<ul><li>${h.hero.point1}</li><li>${h.hero.point2}</li><li>${h.hero.point3}</li></ul>
<h2>${h.course.title}</h2><p>${h.course.lead}</p>
${phases.map((phase) => html`<h3>${phase.title}</h3><p>${phase.text}</p><ul>${phase.points.map((point) => html`<li>${point}</li>`)}</ul>`)}
<h2>${h.pricing.title}</h2>${productList(products)}
<h2>${h.coaching.title}</h2><p>${h.coaching.lead}</p>
<h2>${h.ebook.title}</h2><p>${h.ebook.text}</p><p><a href="/stappenplan">${nl.ebook.title}</a></p>
</div>`,
      }
    }
    case '/prijzen': {
      const products = await listActiveProducts(deps.db, 'nl')
      return {
        status: 200,
        title: `${nl.pricing.title} — ${SITE}`,
        description: nl.pricing.intro,
        canonicalPath,
        body: html`<div class="container"><h1>${nl.pricing.title}</h1><p>${nl.pricing.intro}</p>${productList(products)}<p>${nl.pricing.fineprint}</p></div>`,
      }
    }
    case '/stappenplan':
      return {
        status: 200,
        title: `${nl.ebook.title} — ${SITE}`,
        description: nl.ebook.lead,
        canonicalPath,
        body: html`<div class="container"><p>${nl.ebook.eyebrow}</p><h1>${nl.ebook.title}</h1><p>${nl.ebook.lead}</p><ul>${nl.ebook.points.map((point) => html`<li>${point}</li>`)}</ul><p>${nl.ebook.privacy}</p>${jsNeeded}</div>`,
      }
    case '/cursus/:courseSlug': {
      const slug = decodeURIComponent(canonicalPath.split('/')[2] ?? '')
      // Only published slugs reach the structure cache (a URL must not grow it).
      const course = (await deps.courses.publishedSlugs(deps.db)).includes(slug) ? await deps.courses.get(deps.db, slug) : null
      if (!course) return notFound()
      const products = (await listActiveProducts(deps.db, 'nl')).filter((p) => p.courseId === course.id)
      return {
        status: 200,
        title: `${course.title} — ${SITE}`,
        description: course.summary,
        canonicalPath: `/cursus/${course.slug}`,
        body: html`<div class="container"><p>${nl.course.eyebrow}</p><h1>${course.title}</h1><p>${course.summary}</p>
${products.length > 0 ? productList(products) : ''}
<h2>${nl.course.about}</h2>${raw(renderPostMarkdown(course.descriptionMarkdown))}
<h2>${nl.course.content}</h2><ol>${course.modules.map(
          (m) => html`<li><h3>${m.title}</h3><ul>${m.lessons.map((l) => html`<li>${l.title}${l.freePreview ? html` (${nl.course.freePreview})` : ''}</li>`)}</ul></li>`,
        )}</ol><p>${nl.course.dutchOnly}</p></div>`,
      }
    }
    default:
      return { status: 200, title: SITE, description: nl.home.hero.lead, canonicalPath, body: jsNeeded }
  }
}

const attr = (value: string) => escapeHtml(value)

/**
 * Puts the page's head tags and its no-script content into the built index.html. `guest`: the
 * request carried no session cookie, so the SPA knows before any request that it shows a visitor
 * (the cookie banner then appears with the first paint instead of after a round trip).
 */
export function fillShell(
  template: string,
  content: ShellContent,
  origin: string,
  { guest, rendered = null }: { guest: boolean; rendered?: ServerRendered | null } = { guest: false },
): string {
  const canonical = content.canonicalPath === null ? null : `${origin}${content.canonicalPath}`
  const head = [
    `<meta property="og:title" content="${attr(content.title)}" />`,
    `<meta property="og:description" content="${attr(content.description)}" />`,
    canonical ? `<meta property="og:url" content="${attr(canonical)}" />\n    <link rel="canonical" href="${attr(canonical)}" />` : '',
    content.status === 404 ? '<meta name="robots" content="noindex" />' : '',
    guest ? '<meta name="jb-session" content="none" />' : '',
  ]
    .filter((line) => line !== '')
    .join('\n    ')
  const filled = template
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(content.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, () => `<meta name="description" content="${attr(content.description)}" />`)
    .replace(/\s*<meta property="og:(title|description)" content="[^"]*"\s*\/?>/g, '')
    .replace(/<meta property="og:locale" content="[^"]*"\s*\/?>/, (tag) => `${tag}\n    ${head}`)
  if (!rendered) return filled.replace(/<div id="root"><\/div>/, () => `<div id="root"></div>\n    <noscript>${content.body.value}</noscript>`)
  // Server-rendered: the page is readable as it is (no <noscript> copy). Its scripts are asked for
  // only after the HTML has painted (page-scripts.js), so the first paint waits for the HTML and
  // the stylesheets alone; the lazy page's CSS is linked here, or the page would paint unstyled
  // until its script loaded it.
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(filled)?.[1]
  if (!entry) throw new Error('index.html has no module script')
  const preloads = [...new Set([...[...filled.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((match) => match[1]!), ...rendered.scripts])]
  return filled
    .replace(/\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, '')
    .replace(
      /<script type="module" crossorigin src="[^"]+"><\/script>/,
      () => `<script src="/page-scripts.js" defer data-entry="${attr(entry)}" data-preload="${attr(preloads.join(' '))}"></script>`,
    )
    .replace(/<html lang="nl">/, () => `<html lang="${rendered.language}">`)
    .replace('</head>', () => `${rendered.css.map((href) => `  <link rel="stylesheet" crossorigin href="${attr(href)}">\n`).join('')}  </head>`)
    .replace(/<div id="root"><\/div>/, () => `<div id="root">${rendered.html}</div>\n    ${rendered.stateScript}`)
}

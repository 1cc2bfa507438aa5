import type { AppDeps } from '@jouwbot/api'
import { listActiveProducts } from '@jouwbot/api/checkout'
import { renderPostMarkdown } from '@jouwbot/api/marketing/blog'
import type { SitePrefs, WebRoutePattern } from '@jouwbot/shared'
import { formatMoney } from '@jouwbot/shared/money'
// The same texts the SPA shows, so the script-free version cannot drift from it.
import en from '../../../../web/src/i18n/en.json' with { type: 'json' }
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
  /** The texts' language: `<html lang>` and `og:locale`. */
  language: SitePrefs['language']
  title: string
  description: string
  /** Path of the canonical address (made absolute with APP_ORIGIN); none for a 404. */
  canonicalPath: string | null
  body: SafeHtml
}

const SITE = 'Jouw Bot'
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(values[key] ?? ''))

type Language = SitePrefs['language']
const TEXTS: Record<Language, typeof nl> = { nl, en }
/** Link texts of the notice for pages that need a script (not in the SPA's texts: the SPA never shows it). */
const JS_NEEDED: Record<Language, { before: string; home: string; and: string }> = {
  nl: { before: 'Deze pagina heeft JavaScript nodig. Zet JavaScript aan, of lees verder op ', home: 'de homepage', and: 'en' },
  en: { before: 'This page needs JavaScript. Turn JavaScript on, or read on at ', home: 'the home page', and: 'and' },
}
/** `og:locale` of the page's language. */
export const OG_LOCALE: Record<Language, string> = { nl: 'nl_NL', en: 'en_GB' }

const notFound = (language: Language): ShellContent => ({
  status: 404,
  language,
  title: `${TEXTS[language].notFound.title} — ${SITE}`,
  description: TEXTS[language].notFound.text,
  canonicalPath: null,
  body: html`<div class="container page-narrow"><h1>${TEXTS[language].notFound.title}</h1><p>${TEXTS[language].notFound.text}</p><p><a href="/">${TEXTS[language].common.backHome}</a></p></div>`,
})

type Product = Awaited<ReturnType<typeof listActiveProducts>>[number]

const productList = (products: Product[], language: Language): SafeHtml => {
  const t = TEXTS[language]
  return products.length === 0
    ? html`<p>${t.pricing.emptyText}</p>`
    : html`<ul>${products.map(
        (p) =>
          html`<li><h2>${p.name}</h2><p>${p.description}</p><p><strong>${formatMoney(p.priceCents, language)}</strong> ${fill(t.pricing.inclVat, { rate: p.vatRateBasisPoints / 100 })}</p><p><a href="/afrekenen/${p.slug}">${t.pricing.buy}: ${p.name}</a></p></li>`,
      )}</ul>`
}

const jsNeeded = (language: Language): SafeHtml => {
  const words = JS_NEEDED[language]
  return html`<p class="container">${words.before}<a href="/">${words.home}</a>, <a href="/prijzen">${TEXTS[language].pricing.eyebrow}</a> ${words.and} <a href="/blog">Blog</a>.</p>`
}

/**
 * The content for one route of the SPA in the visitor's language (their `jb_prefs` cookie; Dutch
 * without it); `null` pattern means no route matched (a 404).
 */
export async function shellContent(deps: AppDeps, pattern: WebRoutePattern | null, pathname: string, language: Language = 'nl'): Promise<ShellContent> {
  const t = TEXTS[language]
  if (pattern === null) return notFound(language)
  const canonicalPath = pathname.replace(/(.)\/$/, '$1')
  switch (pattern) {
    case '/': {
      const products = await listActiveProducts(deps.db, language)
      const coursePrices = products.filter((p) => p.includesCourse).map((p) => p.priceCents)
      const [courseSlug] = await deps.courses.publishedSlugs(deps.db)
      const h = t.home
      const phases = [h.course.build, h.course.launch, h.course.sell]
      return {
        status: 200,
        language,
        title: `${SITE} — ${h.hero.title}`,
        description: h.hero.lead,
        canonicalPath: '/',
        body: html`<div class="container">
<p>${h.hero.eyebrow}</p><h1>${h.hero.title}</h1><p>${h.hero.lead}</p>
${coursePrices.length > 0 ? html`<p>${fill(h.hero.price, { price: formatMoney(Math.min(...coursePrices), language) })}</p>` : ''}
<p><a href="/prijzen">${h.hero.cta}</a>${courseSlug ? html` · <a href="/cursus/${courseSlug}">${h.hero.secondary}</a>` : ''}</p>
<ul><li>${h.hero.point1}</li><li>${h.hero.point2}</li><li>${h.hero.point3}</li></ul>
<h2>${h.course.title}</h2><p>${h.course.lead}</p>
${phases.map((phase) => html`<h3>${phase.title}</h3><p>${phase.text}</p><ul>${phase.points.map((point) => html`<li>${point}</li>`)}</ul>`)}
<h2>${h.pricing.title}</h2>${productList(products, language)}
<h2>${h.coaching.title}</h2><p>${h.coaching.lead}</p>
<h2>${h.ebook.title}</h2><p>${h.ebook.text}</p><p><a href="/stappenplan">${t.ebook.title}</a></p>
</div>`,
      }
    }
    case '/prijzen': {
      const products = await listActiveProducts(deps.db, language)
      return {
        status: 200,
        language,
        title: `${t.pricing.title} — ${SITE}`,
        description: t.pricing.intro,
        canonicalPath,
        body: html`<div class="container"><h1>${t.pricing.title}</h1><p>${t.pricing.intro}</p>${productList(products, language)}<p>${t.pricing.fineprint}</p></div>`,
      }
    }
    case '/stappenplan':
      return {
        status: 200,
        language,
        title: `${t.ebook.title} — ${SITE}`,
        description: t.ebook.lead,
        canonicalPath,
        body: html`<div class="container"><p>${t.ebook.eyebrow}</p><h1>${t.ebook.title}</h1><p>${t.ebook.lead}</p><ul>${t.ebook.points.map((point) => html`<li>${point}</li>`)}</ul><p>${t.ebook.privacy}</p>${jsNeeded(language)}</div>`,
      }
    case '/cursus/:courseSlug': {
      const slug = decodeURIComponent(canonicalPath.split('/')[2] ?? '')
      // Only published slugs reach the structure cache (a URL must not grow it).
      const course = (await deps.courses.publishedSlugs(deps.db)).includes(slug) ? await deps.courses.get(deps.db, slug) : null
      if (!course) return notFound(language)
      const products = (await listActiveProducts(deps.db, language)).filter((p) => p.courseId === course.id)
      return {
        status: 200,
        language,
        title: `${course.title} — ${SITE}`,
        description: course.summary,
        canonicalPath: `/cursus/${course.slug}`,
        body: html`<div class="container"><p>${t.course.eyebrow}</p><h1>${course.title}</h1><p>${course.summary}</p>
${products.length > 0 ? productList(products, language) : ''}
<h2>${t.course.about}</h2>${raw(renderPostMarkdown(course.descriptionMarkdown))}
<h2>${t.course.content}</h2><ol>${course.modules.map(
          (m) => html`<li><h3>${m.title}</h3><ul>${m.lessons.map((l) => html`<li>${l.title}${l.freePreview ? html` (${t.course.freePreview})` : ''}</li>`)}</ul></li>`,
        )}</ol><p>${t.course.dutchOnly}</p></div>`,
      }
    }
    default:
      return { status: 200, language, title: SITE, description: t.home.hero.lead, canonicalPath, body: jsNeeded(language) }
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
    .replace(/<meta property="og:locale" content="[^"]*"\s*\/?>/, () => `<meta property="og:locale" content="${OG_LOCALE[content.language]}" />\n    ${head}`)
    .replace(/<html lang="nl">/, () => `<html lang="${content.language}">`)
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
    .replace('</head>', () => `${rendered.css.map((href) => `  <link rel="stylesheet" crossorigin href="${attr(href)}">\n`).join('')}  </head>`)
    .replace(/<div id="root"><\/div>/, () => `<div id="root">${rendered.html}</div>\n    ${rendered.stateScript}`)
}

/**
 * Server-rendered public pages (blog, and later the course sales page and the e-book page): plain
 * HTML that search engines and the share previews of Facebook, LinkedIn and WhatsApp can read
 * without running a script. Every value goes through `html` (escaped unless it is `SafeHtml`).
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => escapes[c]!)

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[]

function renderPart(part: Part): string {
  if (part === null || part === undefined || part === false) return ''
  if (part instanceof SafeHtml) return part.value
  if (Array.isArray(part)) return part.map(renderPart).join('')
  return escapeHtml(String(part))
}

/** A template whose interpolations are escaped; nest `html` results or `raw` (sanitised markup) freely. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!
  values.forEach((value, i) => {
    out += renderPart(value) + strings[i + 1]!
  })
  return new SafeHtml(out)
}

/** Markup that is already safe (the output of the sanitising markdown renderer). */
export const raw = (value: string): SafeHtml => new SafeHtml(value)

export interface OpenGraph {
  type: 'website' | 'article'
  /** Absolute URL of a preview image. */
  image?: string | null
  publishedTime?: Date | null
  tags?: string[]
}

export interface PublicPage {
  title: string
  description: string
  /** Absolute URL: `<link rel="canonical">` and `og:url`. */
  canonical: string
  og: OpenGraph
  body: SafeHtml
  lang?: 'nl' | 'en'
  /** Extra `<link>`s in the head (the feed). */
  links?: { rel: string; type: string; href: string; title: string }[]
  /** Same-origin scripts that only add comfort (never needed to read). Usually none. */
  scripts?: string[]
  siteName?: string
}

export const PUBLIC_PAGE_CSS = '/static/public-page.css'

/** A whole page: head with title, description, canonical and OpenGraph tags, the site header and footer. */
export function renderPublicPage(page: PublicPage): string {
  const lang = page.lang ?? 'nl'
  const siteName = page.siteName ?? 'Jouw Bot'
  const og = page.og
  return `<!doctype html>${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
<link rel="canonical" href="${page.canonical}">
<meta property="og:site_name" content="${siteName}">
<meta property="og:type" content="${og.type}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${page.canonical}">
<meta property="og:locale" content="${lang === 'nl' ? 'nl_NL' : 'en_GB'}">
${og.image ? html`<meta property="og:image" content="${og.image}">\n` : ''}${og.publishedTime ? html`<meta property="article:published_time" content="${og.publishedTime.toISOString()}">\n` : ''}${(og.tags ?? []).map((tag) => html`<meta property="article:tag" content="${tag}">\n`)}<meta name="twitter:card" content="${og.image ? 'summary_large_image' : 'summary'}">
<meta name="theme-color" content="#5b3df5">
<link rel="icon" href="/favicon.ico" sizes="48x48">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="stylesheet" href="${PUBLIC_PAGE_CSS}">
${(page.links ?? []).map((l) => html`<link rel="${l.rel}" type="${l.type}" href="${l.href}" title="${l.title}">\n`)}${(page.scripts ?? []).map((src) => html`<script src="${src}" defer></script>\n`)}</head>
<body>
<header class="site-header"><a class="brand" href="/">Jouw Bot</a>
<nav aria-label="${lang === 'nl' ? 'Hoofdmenu' : 'Main menu'}"><a href="/blog">Blog</a> <a href="/cursussen">${lang === 'nl' ? 'Cursussen' : 'Courses'}</a> <a href="/prijzen">${lang === 'nl' ? 'Prijzen' : 'Pricing'}</a> <a href="/login">${lang === 'nl' ? 'Inloggen' : 'Log in'}</a></nav></header>
<main id="main">
${page.body}
</main>
<footer class="site-footer"><a href="/privacy">Privacy</a> · <a href="/voorwaarden">${lang === 'nl' ? 'Voorwaarden' : 'Terms'}</a> · <a href="/blog/feed.xml">RSS</a></footer>
</body>
</html>
`.value}`
}

/** The stylesheet of the public pages: small, no fonts or images from elsewhere. */
export const publicPageCss = `*{box-sizing:border-box}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1b2c;background:#fbfaff}
a{color:#4a2fd6}a:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #f5a524;outline-offset:2px}
.site-header,.site-footer{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;max-width:46rem;margin:0 auto;padding:1rem}
.site-header nav{display:flex;gap:1rem;flex-wrap:wrap}.brand{font-weight:700;text-decoration:none;font-size:1.2rem}
.site-footer{font-size:.9rem;color:#555;justify-content:center}
main{max-width:46rem;margin:0 auto;padding:0 1rem 3rem}
h1{line-height:1.2;font-size:2rem;margin:.5rem 0}
.meta{color:#5b5870;font-size:.95rem}
.tags{display:flex;gap:.5rem;flex-wrap:wrap;padding:0;list-style:none}.tags a{background:#ece8ff;border-radius:1rem;padding:.1rem .7rem;text-decoration:none;font-size:.9rem}
.post-list{list-style:none;padding:0}.post-list li{padding:1rem 0;border-bottom:1px solid #e4e1f0}.post-list h2{margin:.2rem 0;font-size:1.35rem}
article img{max-width:100%;height:auto;border-radius:.5rem}
pre{overflow:auto;background:#f0eef8;padding:.8rem;border-radius:.4rem}code{font-size:.92em}
blockquote{margin:1rem 0;padding-left:1rem;border-left:4px solid #d6d0f5;color:#444}
.share{display:flex;flex-wrap:wrap;gap:.5rem;margin:2rem 0;padding:0;list-style:none}
.share a,.share button,.button{display:inline-block;border:1px solid #c9c2f0;border-radius:.4rem;padding:.35rem .8rem;background:#fff;color:#2d1f8a;text-decoration:none;font:inherit;font-size:.95rem;cursor:pointer}
.button.primary{background:#5b3df5;color:#fff;border-color:#5b3df5}
.comments{margin-top:2.5rem}.comment{background:#fff;border:1px solid #e4e1f0;border-radius:.5rem;padding:.7rem 1rem;margin:.8rem 0}
.comment .replies{margin-left:1.2rem}.comment.deleted{color:#6b6880;font-style:italic}
.comment header{font-size:.9rem;color:#5b5870}.badge{background:#fff3cd;border-radius:.3rem;padding:0 .4rem;font-size:.85rem}
form label{display:block;font-weight:600;margin:.6rem 0 .2rem}textarea{width:100%;min-height:7rem;font:inherit;padding:.5rem;border:1px solid #aaa3cc;border-radius:.4rem}
input[type=text]{font:inherit;padding:.4rem;border:1px solid #aaa3cc;border-radius:.4rem;width:100%}
.check{display:flex;gap:.5rem;align-items:center;font-weight:normal}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.notice{padding:.7rem 1rem;border-radius:.4rem;background:#e8f6ec;border:1px solid #9bd3ab}.notice.error{background:#fdecec;border-color:#eba4a4}
details{margin-top:.4rem}summary{cursor:pointer;color:#4a2fd6;font-size:.92rem}
@media (max-width:30rem){h1{font-size:1.6rem}body{font-size:16px}}
`

import { Marked, type Tokens } from 'marked'
import sanitizeHtml from 'sanitize-html'

/**
 * Markdown → safe HTML for the blog, one renderer for the public pages, the admin preview and the
 * comments. marked parses (GFM); sanitize-html then keeps only an allow-list of tags, attributes and
 * URL schemes, so whatever marked lets through (raw HTML, odd links) cannot run script.
 *
 * Posts (written by staff) get the full set with images; comments (written by members) a subset: no
 * raw HTML at all (shown as text), no images, no headings or tables, and every link
 * `rel="nofollow ugc noopener"`.
 */

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const postMarked = new Marked({ gfm: true, breaks: false, async: false })
const safeLink = /^(https?:\/\/|mailto:)/i

const commentMarked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  // No raw HTML in comments: `<b>` is not markup but the text the member typed (escaped as text).
  tokenizer: {
    html: () => undefined,
    tag: () => undefined,
  },
  renderer: {
    // No images in comments: the alt text stays.
    image: (token: Tokens.Image) => escapeHtml(token.text),
    // Only absolute http(s) and mailto links; any other link becomes its text.
    link(token: Tokens.Link) {
      return safeLink.test(token.href) ? false : this.parser.parseInline(token.tokens)
    },
  },
})

const linkSchemes = ['http', 'https', 'mailto']

const postOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    // Only the value the renderer sets itself (below); an author's own tabindex is dropped.
    pre: [{ name: 'tabindex', multiple: false, values: ['0'] }],
  },
  allowedSchemes: linkSchemes,
  // Images only from our own origin (uploads under /blog/images/): a page loads nothing from elsewhere.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // A post's h1 is its title; headings inside the body start at h2.
  transformTags: {
    h1: 'h2',
    // A code block scrolls sideways when a line is long: it takes keyboard focus so the arrow keys can
    // scroll it (WCAG 2.1.1; axe: scrollable-region-focusable).
    pre: (tagName) => ({ tagName, attribs: { tabindex: '0' } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
    a: (tagName, attribs) => ({ tagName, attribs: isExternal(attribs.href) ? { ...attribs, rel: 'noopener' } : attribs }),
  },
}

const commentOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'], pre: [{ name: 'tabindex', multiple: false, values: ['0'] }] },
  allowedSchemes: linkSchemes,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Text inside dropped tags (a heading) stays; script/style content goes entirely (the default).
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? '', rel: 'nofollow ugc noopener' } }),
    pre: (tagName) => ({ tagName, attribs: { tabindex: '0' } }),
  },
  // A link whose href the scheme check removed goes, text included (marked already turned such links into text).
  exclusiveFilter: (frame) => frame.tag === 'a' && !safeLink.test(frame.attribs.href ?? ''),
}

function isExternal(href: string | undefined): boolean {
  return !!href && /^https?:\/\//i.test(href)
}

/** A post body (staff): the full set, images included. */
export function renderPostMarkdown(markdown: string): string {
  return sanitizeHtml(postMarked.parse(markdown) as string, postOptions)
}

/** A member's comment: the safe subset. */
export function renderCommentMarkdown(markdown: string): string {
  return sanitizeHtml(commentMarked.parse(markdown) as string, commentOptions)
}

/** Links a comment holds (markdown links, autolinks and bare URLs), for the spam rule. */
export function countLinks(markdown: string): number {
  return (markdown.match(/(?:https?:\/\/|www\.|mailto:)/gi) ?? []).length
}

export { escapeHtml }

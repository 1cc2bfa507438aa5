import { marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

/**
 * Markdown → sanitised HTML (for the mail, the preview and the archive) and plain text (the mail's
 * text part). marked renders; sanitize-html keeps only an allow-list of tags and https/mailto links,
 * so staff markdown cannot carry scripts, styles, iframes or event handlers into 10,000 inboxes.
 */
const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['h1', 'h2', 'h3', 'h4', 'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'style'], img: ['src', 'alt', 'title', 'width', 'height', 'style'] },
  allowedSchemes: ['https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  transformTags: {
    // Inline styles keep mail clients (which drop <style>) readable on phones: images never overflow.
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, style: 'max-width:100%;height:auto' } }),
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, style: 'color:#0b57d0' } }),
  },
  allowedStyles: { img: { 'max-width': [/^100%$/], height: [/^auto$/] }, a: { color: [/^#[0-9a-f]{6}$/i] } },
}

export function renderNewsletterHtml(markdown: string): string {
  const raw = marked.parse(markdown, { async: false, gfm: true, breaks: false })
  return sanitizeHtml(raw, allowed)
}

/** Plain text: the markdown itself, with links written out and emphasis marks dropped. */
export function renderNewsletterText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, '[$1]')
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\r\n/g, '\n')
    .trim()
}

import { memo, useId, useState, type MouseEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import ReactMarkdown, { type Components } from 'react-markdown'
import { Link, useNavigate } from 'react-router'
import { renderingServerMarkup } from '../lib/ssr.ts'
import remarkGfm from 'remark-gfm'
import './DataTable.css'
import './Markdown.css'

/**
 * Course texts in Markdown, with GitHub's tables, task lists and strikethrough. Raw HTML in the
 * source is dropped (react-markdown without rehype-raw never renders it) and unsafe link protocols
 * are removed by its URL filter. Links within the site stay client-side; images only load from this
 * site, as the CSP allows nothing else.
 */
const components: Components = {
  a: ({ href, children }) => {
    if (href?.startsWith('/') && !href.startsWith('//')) return <Link to={href}>{children}</Link>
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    )
  },
  table: ({ children }) => <ScrollingTable>{children}</ScrollingTable>,
  pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
  img: ({ src, alt }) =>
    typeof src === 'string' && src.startsWith('/') && !src.startsWith('//') ? (
      <img src={src} alt={alt ?? ''} loading="lazy" />
    ) : alt ? (
      <span>{alt}</span>
    ) : null,
  // Headings in a course text sit below the page's own h1 and section h2.
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
}

// A wide table or a long code line scrolls sideways: the scrolling box takes keyboard focus so it can
// be scrolled with the arrow keys (WCAG 2.1.1; axe: scrollable-region-focusable), and as a named
// region a screen reader says what got focus. Always a tab stop, also where it happens to fit: whether
// it scrolls depends on the width, which changes with the window.
function ScrollingTable({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('markdown.table')}>
      <table className="table">{children}</table>
    </div>
  )
}

function CodeBlock({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <pre tabIndex={0} role="region" aria-label={t('markdown.code')}>
      {children}
    </pre>
  )
}

const remarkPlugins = [remarkGfm]

export const Markdown = memo(function Markdown({ source, className }: { source: string; className?: string }) {
  const id = useId()
  const { i18n } = useTranslation()
  const navigate = useNavigate()
  // Hydrating a server-rendered page: the text's markup is there already and never changes on its
  // own, so it is kept as it is instead of parsing the Markdown again and hydrating every element
  // (a lesson's text took 70 ms and more at a phone's speed in one hydration slice). It stays while
  // the text and the language are the ones the server rendered; after that, React renders it.
  const [server] = useState(() => {
    if (!renderingServerMarkup() || typeof document === 'undefined') return null
    const html = document.getElementById(id)?.innerHTML
    return html === undefined ? null : { html, source, language: i18n.resolvedLanguage }
  })
  const wrapper = className ? `markdown ${className}` : 'markdown'
  if (server && server.source === source && server.language === i18n.resolvedLanguage) {
    // In-site links in the kept markup were `<Link>`s: they still navigate within the app.
    const onClick = (event: MouseEvent<HTMLDivElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return
      const link = event.target instanceof Element ? event.target.closest('a') : null
      const href = link?.getAttribute('href')
      if (!link || link.target || link.hasAttribute('download') || !href?.startsWith('/') || href.startsWith('//')) return
      event.preventDefault()
      void navigate(href)
    }
    return <div id={id} className={wrapper} onClick={onClick} dangerouslySetInnerHTML={{ __html: server.html }} />
  }
  return (
    <div id={id} className={wrapper}>
      <ReactMarkdown components={components} remarkPlugins={remarkPlugins} skipHtml>
        {source}
      </ReactMarkdown>
    </div>
  )
})

import ReactMarkdown, { type Components } from 'react-markdown'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'
import remarkGfm from 'remark-gfm'

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

/** The Markdown parsed and rendered by React: loaded by `Markdown` only when it has to render. */
export function MarkdownRenderer({ source }: { source: string }) {
  return (
    <ReactMarkdown components={components} remarkPlugins={remarkPlugins} skipHtml>
      {source}
    </ReactMarkdown>
  )
}


import { memo, useEffect, useId, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { renderingServerMarkup } from '../lib/ssr.ts'
import type { MarkdownRenderer as MarkdownRendererType } from './MarkdownRenderer.tsx'
import './DataTable.css'
import './Markdown.css'

// react-markdown with its unified / micromark tree (160 kB of script) only when a text has to be
// rendered here: a server-rendered page keeps its text's markup, so its visitors never load it. Not
// React.lazy: a boundary that suspends while the server prerenders is completed by an inline script,
// which the CSP refuses; the server loads the renderer before it renders (entry-server.tsx).
type Renderer = typeof MarkdownRendererType
let renderer: Renderer | null = null
let loading: Promise<Renderer> | null = null

export function loadMarkdownRenderer(): Promise<Renderer> {
  loading ??= import('./MarkdownRenderer.tsx').then(
    (module) => (renderer = module.MarkdownRenderer),
    (error: unknown) => {
      loading = null // a later text tries again
      throw error
    },
  )
  return loading
}

/**
 * For a page that will show a text once its data is there: starts loading the renderer at once, next
 * to the data, unless the page is server-rendered (its text is kept, see below).
 */
export function usePreloadMarkdown(): void {
  const [fromServer] = useState(renderingServerMarkup)
  useEffect(() => {
    if (!fromServer) loadMarkdownRenderer().catch(() => undefined)
  }, [fromServer])
}

/**
 * Course texts in Markdown (the rules: ./MarkdownRenderer.tsx). In the browser a text rendered
 * anew shows "Even geduld…" for the moment the renderer loads (once); if it cannot load, the text's
 * paragraphs as plain text.
 */
export const Markdown = memo(function Markdown({ source, className }: { source: string; className?: string }) {
  const id = useId()
  const { t, i18n } = useTranslation()
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
  const keep = server !== null && server.source === source && server.language === i18n.resolvedLanguage
  const [Loaded, setLoaded] = useState<Renderer | 'failed' | null>(() => renderer)
  useEffect(() => {
    if (keep || renderer) return
    let current = true
    loadMarkdownRenderer().then(
      (loaded) => current && setLoaded(() => loaded),
      () => current && setLoaded('failed'),
    )
    return () => {
      current = false
    }
  }, [keep])
  if (keep) {
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
      {Loaded === 'failed' ? (
        source.split(/\n\s*\n/).map((paragraph, index) => <p key={index}>{paragraph}</p>)
      ) : Loaded ? (
        <Loaded source={source} />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </div>
  )
})

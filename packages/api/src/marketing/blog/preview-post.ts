import { renderPostMarkdown } from './markdown.ts'

/** The editor's live preview: the same renderer and sanitiser as the public page. */
export function previewPost(_deps: unknown, options: { body: string }): { html: string } {
  return { html: renderPostMarkdown(options.body) }
}

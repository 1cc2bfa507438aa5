/**
 * The free e-book ("stappenplan"): the words, kept as text in the repo, rendered to a PDF by
 * ./render-ebook.ts. Dutch first (nl.ts), English second (en.ts). One section starts a page.
 */
export type EbookBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'steps'; items: { title: string; text: string }[] }
  | { kind: 'checklist'; items: string[] }
  | { kind: 'tip'; title: string; text: string }

export interface EbookSection {
  title: string
  blocks: EbookBlock[]
}

export interface EbookContent {
  title: string
  subtitle: string
  edition: string
  contentsTitle: string
  intro: string
  sections: EbookSection[]
  /** Last lines of the last page. */
  closing: string
  /** Footer on every page after the cover; `{{page}}` is the page number. */
  footer: string
  /** Document metadata and file name. */
  documentTitle: string
  fileName: string
}

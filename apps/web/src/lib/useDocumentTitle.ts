import { useEffect } from 'react'

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const next = title ? `${title} · Jouw Bot` : 'Jouw Bot'
    // Only on a change: a server-rendered page has it already, and setting it costs a few ms at start-up.
    if (document.title !== next) document.title = next
  }, [title])
}

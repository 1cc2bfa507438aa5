import { useState } from 'react'
import { slugify } from './slugify.ts'

/** Title and slug of something new: the slug follows the title until the admin edits it. */
export function useTitleAndSlug() {
  const [title, setTitleState] = useState('')
  const [slug, setSlugState] = useState('')
  const [slugEdited, setSlugEdited] = useState(false)

  function setTitle(value: string): void {
    setTitleState(value)
    if (!slugEdited) setSlugState(slugify(value))
  }
  function setSlug(value: string): void {
    setSlugState(value)
    setSlugEdited(value !== '')
  }
  function clear(): void {
    setTitleState('')
    setSlugState('')
    setSlugEdited(false)
  }
  return { title, slug, setTitle, setSlug, clear }
}

import { useRef } from 'react'
import type { FieldBinding } from '../../../lib/useZodForm.ts'
import { slugify } from './slugify.ts'

/** The part of a form (lib/useZodForm.ts) with a title and a slug field. */
interface TitleAndSlugForm {
  field: (name: 'title' | 'slug', options?: { onChange?: (value: string) => void }) => FieldBinding
  methods: { setValue: (name: 'slug', value: string) => void }
}

/** Title and slug of something new: the slug follows the title until the admin edits it. */
export function useTitleAndSlug(form: TitleAndSlugForm) {
  const slugEdited = useRef(false)
  return {
    title: form.field('title', {
      onChange: (value) => {
        if (!slugEdited.current) form.methods.setValue('slug', slugify(value))
      },
    }),
    slug: form.field('slug', {
      onChange: (value) => {
        slugEdited.current = value !== ''
      },
    }),
    /** After a save the form starts over, and the slug follows the title again. */
    clear: () => {
      slugEdited.current = false
    },
  }
}

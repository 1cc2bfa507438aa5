import type { ReactNode } from 'react'

/** The help text under a field's label; renders nothing without a hint. */
export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null
  return (
    <p className="field__hint" id={id}>
      {hint}
    </p>
  )
}

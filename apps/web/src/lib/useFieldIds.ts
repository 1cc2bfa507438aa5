import { useId } from 'react'

/** Ids that tie a field's control to its label, hint and error; `describedBy` lists only the ones shown. */
export function useFieldIds(hint: unknown, error: unknown) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return { id, hintId, errorId, describedBy }
}

import type { RowAction } from '../lib/useRowAction.ts'
import { FormAlert } from './FormAlert.tsx'

/**
 * The alert region and the status line of a list with row buttons. `focusable` lets the status line
 * take focus after an action whose button is gone afterwards.
 */
export function ActionStatus({ action, focusable = false }: { action: RowAction; focusable?: boolean }) {
  return (
    <>
      <FormAlert error={action.error} />
      <p className="form__status" role="status" tabIndex={focusable ? -1 : undefined} ref={action.statusRef}>
        {action.status}
      </p>
    </>
  )
}

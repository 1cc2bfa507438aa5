import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button.tsx'

interface Props {
  /** The form hook's pending flag: the submit button spins, cancel waits. */
  busy: boolean
  submitLabel: ReactNode
  pendingLabel: string
  variant?: 'primary' | 'danger'
  /** Adds a "cancel" button (disabled while the form is busy). */
  onCancel?: () => void
  /** A status line above the buttons, e.g. "Opgeslagen." after a save (announced politely). */
  status?: ReactNode
}

/** The buttons under a form: submit, and optionally cancel; with the form's status line above them. */
export function FormActions({ busy, submitLabel, pendingLabel, variant, onCancel, status }: Props) {
  const { t } = useTranslation()
  return (
    <>
      {status !== undefined ? (
        <p className="form__status" role="status">
          {status}
        </p>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant={variant} pending={busy} pendingLabel={pendingLabel}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </>
  )
}

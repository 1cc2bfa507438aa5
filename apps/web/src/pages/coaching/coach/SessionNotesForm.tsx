import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useTRPC } from '../../../lib/trpc.ts'

/** The coach's private notes and the summary the member sees, for one session. */
export function SessionNotesForm({ bookingId, coachNote, sharedSummary }: { bookingId: string; coachNote: string; sharedSummary: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [form, setForm] = useState({ coachNote, sharedSummary })
  const save = useMutation(trpc.coaching.saveNotes.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.coaching.coachSessions.queryFilter()) }))
  const error = save.error ? describeError(save.error) : null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({ bookingId, ...form })
  }
  return (
    <form className="coach-form" onSubmit={submit} noValidate>
      <FormAlert error={error && Object.keys(error.fieldErrors).length === 0 ? error : null} />
      <TextAreaField label={t('coachPages.coachNote')} hint={t('coachPages.coachNoteHint')} rows={3} maxLength={5000} value={form.coachNote} onChange={(event) => setForm({ ...form, coachNote: event.target.value })} error={error?.fieldErrors.coachNote} />
      <TextAreaField label={t('coachPages.sharedSummary')} hint={t('coachPages.sharedSummaryHint')} rows={3} maxLength={2000} value={form.sharedSummary} onChange={(event) => setForm({ ...form, sharedSummary: event.target.value })} error={error?.fieldErrors.sharedSummary} />
      <div className="form-actions">
        <Button type="submit" variant="secondary" pending={save.isPending}>
          {t('coachPages.saveNotes')}
        </Button>
        {save.isSuccess ? <p role="status">{t('coachPages.saved')}</p> : null}
      </div>
    </form>
  )
}

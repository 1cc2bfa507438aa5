import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts'

interface TypeValues {
  id?: string
  title: string
  durationMinutes: number
  credits: number
  active: boolean
}

/** /coach/sessies — the coach's session types: title, duration, credits, bookable or not. */
export function CoachSessionTypesPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('coachPages.typesTitle'))
  const trpc = useTRPC()
  const types = useQuery(trpc.coaching.ownSessionTypes.queryOptions())
  return (
    <>
      <PageHeader eyebrow={t('coachPages.eyebrow')} title={t('coachPages.typesTitle')} intro={t('coachPages.typesIntro')} />
      <QueryState query={types} isEmpty={() => false}>
        {(list) => (
          <>
            {list.length === 0 ? <p>{t('coachPages.noTypes')}</p> : null}
            <ul className="coaching-plain-list coach-cards">
              {list.map((type) => (
                <li key={type.id} className="coach-session">
                  <TypeForm initial={type} />
                </li>
              ))}
              <li className="coach-session">
                <h2 className="coach-card__name">{t('coachPages.newType')}</h2>
                <TypeForm key={list.length} initial={{ title: '', durationMinutes: 60, credits: 1, active: true }} />
              </li>
            </ul>
          </>
        )}
      </QueryState>
    </>
  )
}

function TypeForm({ initial }: { initial: TypeValues }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [form, setForm] = useState({ title: initial.title, durationMinutes: String(initial.durationMinutes), credits: String(initial.credits), active: initial.active })
  const save = useMutation(trpc.coaching.saveSessionType.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.coaching.ownSessionTypes.queryFilter()) }))
  const error = save.error ? describeError(save.error) : null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({ ...(initial.id ? { id: initial.id } : {}), title: form.title, durationMinutes: Number(form.durationMinutes), credits: Number(form.credits), active: form.active })
  }
  return (
    <form className="coach-form" onSubmit={submit} noValidate>
      <FormAlert error={error && Object.keys(error.fieldErrors).length === 0 ? error : null} />
      <TextField label={t('coachPages.typeTitle')} value={form.title} maxLength={80} onChange={(event) => setForm({ ...form, title: event.target.value })} error={error?.fieldErrors.title} />
      <div className="coach-form__row">
        <TextField label={t('coachPages.duration')} inputMode="numeric" value={form.durationMinutes} onChange={(event) => setForm({ ...form, durationMinutes: event.target.value })} error={error?.fieldErrors.durationMinutes} />
        <TextField label={t('coachPages.credits')} inputMode="numeric" value={form.credits} onChange={(event) => setForm({ ...form, credits: event.target.value })} error={error?.fieldErrors.credits} />
      </div>
      <CheckboxField label={t('coachPages.active')} checked={form.active} onChange={(event) => setForm({ ...form, active: event.target.checked })} />
      <div className="form-actions">
        <Button type="submit" pending={save.isPending}>
          {initial.id ? t('coachPages.save') : t('coachPages.addType')}
        </Button>
        {save.isSuccess && initial.id ? <p role="status">{t('coachPages.saved')}</p> : null}
      </div>
    </form>
  )
}

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { TextField } from '../../components/TextField.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { browserZone, type ZoneFormat } from './useCoachingZone.ts'

/**
 * The zone coaching times are shown in: the browser's until the member stores one. Stored on the
 * profile, so the mails use it too.
 */
export function TimeZoneSection({ format, stored }: { format: ZoneFormat; stored: string | null }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<string | null>(null)
  const save = useMutation(
    trpc.coaching.setTimeZone.mutationOptions({
      onSuccess: async () => {
        setDraft(null)
        await queryClient.invalidateQueries(trpc.coaching.credits.queryFilter())
      },
    }),
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({ timeZone: (draft ?? format.zone).trim() })
  }
  const detected = browserZone()
  return (
    <section aria-labelledby="coaching-zone" className="coaching-card">
      <h2 id="coaching-zone">{t('coachingPage.timeZone')}</h2>
      <p>{t('coachingPage.timesIn', { zone: format.zone })}</p>
      <form onSubmit={submit} className="coaching-zone-form" noValidate>
        <FormAlert error={save.error ? describeError(save.error) : null} />
        <TextField
          label={t('coachingPage.timeZoneLabel')}
          value={draft ?? format.zone}
          onChange={(event) => setDraft(event.target.value)}
          maxLength={64}
          autoComplete="off"
          hint={stored === null ? t('coachingPage.zoneDetected', { zone: detected }) : t('coachingPage.zoneExample')}
        />
        <Button type="submit" variant="secondary" pending={save.isPending}>
          {t('coachingPage.saveZone')}
        </Button>
        {save.isSuccess ? <p role="status">{t('coachingPage.zoneSaved')}</p> : null}
      </form>
    </section>
  )
}

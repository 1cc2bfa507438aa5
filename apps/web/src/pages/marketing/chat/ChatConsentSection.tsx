import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { QueryState } from '../../../components/QueryState.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { AccountSection } from '../../account/AccountSection.tsx'

/**
 * The privacy centre's Messenger-chat consent (marketing, Messenger chat): a separate box, unticked
 * until the member ticks it, saying exactly what goes to ManyChat. Unticking and saving withdraws it —
 * the same effort. Rendered only while the sync exists (MANYCHAT_API_KEY); see `useChatContactSync`.
 */
export function ChatConsentSection() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const consent = useQuery(trpc.privacy.consent.queryOptions({}))
  const contact = useQuery(trpc.chat.myContact.queryOptions())
  const save = useMutation(trpc.privacy.setConsent.mutationOptions())
  const [choice, setChoice] = useState<boolean | null>(null)
  const [status, setStatus] = useState('')
  const current = consent.data?.choices.chat === true
  const checked = choice ?? current

  async function submit(event: FormEvent) {
    event.preventDefault()
    setStatus('')
    const result = await save.mutateAsync({ choices: { chat: checked }, channel: 'account' })
    setChoice(null)
    await Promise.all([
      queryClient.invalidateQueries(trpc.privacy.consent.queryFilter()),
      queryClient.invalidateQueries(trpc.chat.myContact.queryFilter()),
      queryClient.invalidateQueries(trpc.privacy.myRequests.queryFilter()),
    ])
    setStatus(t(result.choices.chat ? 'privacyCentre.chat.savedOn' : 'privacyCentre.chat.savedOff'))
  }

  return (
    <AccountSection id="chat" title={t('privacyCentre.chat.title')} intro={t('privacyCentre.chat.intro')}>
      <QueryState query={consent} isEmpty={() => false}>
        {() => (
          <form className="form" onSubmit={(event) => void submit(event).catch(() => setStatus(t('privacy.consent.saveFailed')))} noValidate>
            <CheckboxField
              name="chat"
              checked={checked}
              onChange={(event) => setChoice(event.target.checked)}
              label={t('privacyCentre.chat.label')}
              hint={t('privacyCentre.chat.hint')}
            />
            {contact.data ? (
              <p className="muted">
                {t(`privacyCentre.chat.state.${contact.data.state}`, {
                  date: formatDateTime(contact.data.removedAt ?? contact.data.syncedAt ?? new Date(), locale),
                })}
              </p>
            ) : null}
            <Button type="submit" variant="secondary" pending={save.isPending} disabled={choice === null || choice === current}>
              {t('privacyCentre.chat.save')}
            </Button>
            <p className="form__status" role="status">
              {status}
            </p>
          </form>
        )}
      </QueryState>
    </AccountSection>
  )
}

/** Whether the chat consent exists at all (only with MANYCHAT_API_KEY). */
export function useChatContactSync(): boolean {
  const trpc = useTRPC()
  const settings = useQuery({ ...trpc.chat.settings.queryOptions(), staleTime: 10 * 60_000 })
  return settings.data?.contactSync === true
}

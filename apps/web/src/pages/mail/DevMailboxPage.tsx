import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { MailList } from './MailList.tsx'
import { MailView } from './MailView.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import './mail.css'

const REFRESH_MS = 3000

/** Development only: the mails the server would have sent, so sign-up and reset links can be followed. */
export function DevMailboxPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('devMailbox.title'))
  const trpc = useTRPC()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const mails = useQuery(
    trpc.devMailbox.list.queryOptions(undefined, {
      // Poll while the mailbox answers; stop once the server says it is switched off.
      refetchInterval: (query) => (query.state.status === 'error' ? false : REFRESH_MS),
      staleTime: 0,
    }),
  )
  // Newest first, as the server sends them (ordered by outbox sequence, which timestamps cannot tie).
  const sorted = mails.data ?? []
  const selected = sorted.find((mail) => mail.id === selectedId) ?? null

  return (
    <div className="container mailbox-page">
      <PageHeader eyebrow={t('devMailbox.eyebrow')} title={t('devMailbox.title')} intro={t('devMailbox.intro', { seconds: REFRESH_MS / 1000 })} />
      <QueryState
        query={mails}
        empty={
          <div className="empty-state empty-state--small">
            <p className="lead">{t('devMailbox.empty')}</p>
            <p className="muted">{t('devMailbox.emptyHint')}</p>
          </div>
        }
      >
        {(list) => (
          <div className="mailbox">
            <MailList mails={list} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
            <MailView mail={selected} />
          </div>
        )}
      </QueryState>
    </div>
  )
}

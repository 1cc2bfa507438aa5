import { useQuery } from '@tanstack/react-query'
import { messengerLink, type MessengerRef } from '@jouwbot/shared/messenger'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../lib/trpc.ts'
import './messenger-link.css'

/**
 * "Chat met ons op Messenger": a plain `https://m.me/<page>?ref=<where>` link — Meta retired the website
 * chat plugin in 2024, and a plain link loads no widget, script or cookie of anyone else. Shown only when
 * MESSENGER_PAGE is configured. Clicking it sends nothing to ManyChat; that needs the separate consent.
 */
export function MessengerLink({ from, className }: { from: MessengerRef; className?: string }) {
  const { t } = useTranslation()
  const page = useMessengerPage()
  if (!page) return null
  return (
    <a className={['messenger-link', className].filter(Boolean).join(' ')} href={messengerLink(page, from)} rel="noreferrer" title={t('messenger.linkHint')}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
        <path fill="currentColor" d="M12 2C6.5 2 2 6.1 2 11.2c0 2.9 1.4 5.5 3.7 7.2V22l3.4-1.9c.9.3 1.9.4 2.9.4 5.5 0 10-4.1 10-9.2S17.5 2 12 2Zm1 12.4-2.5-2.7-5 2.7 5.5-5.8 2.6 2.7 4.9-2.7-5.5 5.8Z" />
      </svg>
      <span>{t('messenger.link')}</span>
    </a>
  )
}

/** The configured Messenger page, or null (no link anywhere then). */
export function useMessengerPage(): string | null {
  const trpc = useTRPC()
  const settings = useQuery({ ...trpc.chat.settings.queryOptions(), staleTime: 10 * 60_000 })
  return settings.data?.messengerPage ?? null
}

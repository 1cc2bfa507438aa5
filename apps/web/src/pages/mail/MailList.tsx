import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/format.ts'
import type { MailRow } from './types.ts'
import { useLocale } from '../../lib/useLocale.ts'

interface Props {
  mails: readonly MailRow[]
  selectedId: string | null
  onSelect: (id: string) => void
}

export function MailList({ mails, selectedId, onSelect }: Props) {
  const { t } = useTranslation()
  const locale = useLocale()
  return (
    <nav className="mail-list" aria-label={t('devMailbox.listLabel', { count: mails.length })}>
      <ul>
        {mails.map((mail) => (
          <li key={mail.id}>
            <button
              type="button"
              className="mail-list__item"
              aria-current={mail.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(mail.id)}
            >
              <span className="mail-list__subject">{mail.subject}</span>
              <span className="mail-list__meta">
                <span>{mail.to}</span>
                <time dateTime={mail.createdAt.toISOString()}>{formatDateTime(mail.createdAt, locale)}</time>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}

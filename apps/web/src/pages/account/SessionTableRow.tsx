import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { formatDateTime } from '../../lib/format.ts'
import type { SessionRow } from './types.ts'
import { useLocale } from '../../lib/useLocale.ts'

interface Props {
  session: SessionRow
  pending: boolean
  disabled: boolean
  onRevoke: () => void
}

export function SessionTableRow({ session, pending, disabled, onRevoke }: Props) {
  const { t } = useTranslation()
  const locale = useLocale()
  const device = session.device || t('sessions.unknownDevice')
  return (
    <tr>
      <th scope="row" data-label={t('sessions.device')}>
        <span className="session-device">{device}</span>
        {session.current ? <span className="badge badge--brand">{t('sessions.thisDevice')}</span> : null}
      </th>
      <td data-label={t('sessions.lastSeen')}>
        <time dateTime={session.lastSeenAt.toISOString()}>{formatDateTime(session.lastSeenAt, locale)}</time>
      </td>
      <td data-label={t('sessions.createdAt')}>
        <time dateTime={session.createdAt.toISOString()}>{formatDateTime(session.createdAt, locale)}</time>
      </td>
      <td className="sessions-table__action">
        {session.current ? null : (
          <Button variant="secondary" pending={pending} disabled={disabled} onClick={onRevoke}>
            {t('sessions.revoke')}
            <span className="visually-hidden"> {t('sessions.revokeContext', { device })}</span>
          </Button>
        )}
      </td>
    </tr>
  )
}

import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { AccountSection } from '../account/AccountSection.tsx'

/** "Who looked at my data": each staff read of the member's personal data, with role and purpose. */
export function StaffAccessSection() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const access = useQuery(trpc.privacy.staffAccess.queryOptions())
  return (
    <AccountSection id="staffAccess" title={t('privacyCentre.staffAccess.title')} intro={t('privacyCentre.staffAccess.intro')}>
      <QueryState query={access} empty={<p className="muted">{t('privacyCentre.staffAccess.empty')}</p>}>
        {(rows) => (
          <DataTable
            caption={t('privacyCentre.staffAccess.title')}
            rowKey={(row) => row.id}
            rowHeader={{ header: t('privacyCentre.staffAccess.when'), cell: (row) => formatDateTime(row.at, locale) }}
            columns={[
              { header: t('privacyCentre.staffAccess.role'), cell: (row) => t(`privacyCentre.roles.${row.staffRole === 'coach' ? 'coach' : 'admin'}`) },
              {
                header: t('privacyCentre.staffAccess.purpose'),
                cell: (row) => t(`privacyCentre.purposes.${row.purpose}`, { defaultValue: row.purpose }),
              },
            ]}
            rows={rows}
          />
        )}
      </QueryState>
    </AccountSection>
  )
}

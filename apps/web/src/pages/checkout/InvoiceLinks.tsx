import { useTranslation } from 'react-i18next'
import { formatLongDate } from '../../lib/format.ts'
import { formatMoney } from '@jouwbot/shared/money'
import { useLocale } from '../../lib/useLocale.ts'
import type { OrderInvoice } from './types.ts'

/**
 * Invoices and credit notes as plain download links: the PDF route checks the session cookie, so
 * they work without JavaScript and the browser saves them under the server's file name.
 */
export function InvoiceLinks({ invoices }: { invoices: OrderInvoice[] }) {
  const { t } = useTranslation()
  const locale = useLocale()
  if (invoices.length === 0) return null
  return (
    <ul className="invoice-links">
      {invoices.map((invoice) => (
        <li key={invoice.id}>
          <a href={`/invoices/${invoice.id}.pdf`} download type="application/pdf">
            {t(invoice.kind === 'invoice' ? 'orders.downloadInvoice' : 'orders.downloadCreditNote', { number: invoice.number })}
          </a>{' '}
          <span className="muted">
            {t('orders.documentMeta', {
              date: formatLongDate(new Date(`${invoice.issueDate}T12:00:00Z`), locale),
              amount: formatMoney(invoice.totalCents, locale),
            })}
          </span>
        </li>
      ))}
    </ul>
  )
}

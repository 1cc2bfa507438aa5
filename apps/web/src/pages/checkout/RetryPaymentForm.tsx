import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { usePageRestored } from '../../lib/usePageRestored.ts'

/**
 * "Pay again": a real form posting to the server, which answers 303 to Mollie's checkout. It works
 * without JavaScript; with it, the button only shows that something is happening.
 */
export function RetryPaymentForm({ orderId, label }: { orderId: string; label?: string }) {
  const { t } = useTranslation()
  const [sending, setSending] = useState(false)
  usePageRestored(() => setSending(false))
  return (
    <form method="post" action={`/checkout/orders/${orderId}/pay`} className="retry-form" onSubmit={() => setSending(true)}>
      <Button type="submit" pending={sending} pendingLabel={t('checkout.redirecting')}>
        {label ?? t('orders.retry')}
      </Button>
    </form>
  )
}

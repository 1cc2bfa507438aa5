import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Spinner } from '../../components/Spinner.tsx'

/**
 * "Pay again": a real form posting to the server, which answers 303 to Mollie's checkout. It works
 * without JavaScript; with it, the button only shows that something is happening.
 */
export function RetryPaymentForm({ orderId, label }: { orderId: string; label?: string }) {
  const { t } = useTranslation()
  const [sending, setSending] = useState(false)
  // Back from Mollie with the browser's back button (page restored from the cache): ready again.
  useEffect(() => {
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setSending(false)
    }
    window.addEventListener('pageshow', reset)
    return () => window.removeEventListener('pageshow', reset)
  }, [])
  return (
    <form method="post" action={`/checkout/orders/${orderId}/pay`} className="retry-form" onSubmit={() => setSending(true)}>
      <button type="submit" className="btn btn--primary" aria-busy={sending || undefined}>
        {sending ? <Spinner /> : null}
        <span>{sending ? t('checkout.redirecting') : (label ?? t('orders.retry'))}</span>
      </button>
    </form>
  )
}

import { useTranslation } from 'react-i18next'
import type { OrderStatus } from './types.ts'

const tone: Record<OrderStatus, string> = {
  open: 'badge--muted',
  pending: 'badge--warning',
  paid: 'badge--success',
  failed: 'badge--danger',
  canceled: 'badge--muted',
  expired: 'badge--muted',
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation()
  return <span className={`badge ${tone[status]}`}>{t(`orders.status.${status}`)}</span>
}

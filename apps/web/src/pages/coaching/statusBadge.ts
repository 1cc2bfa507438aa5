/** The badge class of a booking status (the site's badge colours). */
export function statusBadge(status: 'booked' | 'canceled' | 'held' | 'member_no_show' | 'coach_no_show'): string {
  const tone = { booked: 'brand', held: 'success', canceled: 'muted', member_no_show: 'warning', coach_no_show: 'warning' }[status]
  return `badge badge--${tone}`
}

/**
 * The SPA's route table as path patterns (react-router syntax: `:param` is one segment, a trailing
 * `/*` would be "anything below"). The server answers a real 404 for any GET outside this list;
 * `apps/web/src/web-routes.test.ts` walks the router's own route objects and fails when the two
 * differ, so a page added to `apps/web/src/router.tsx` must be added here too (and vice versa).
 */
export const webRoutePatterns = [
  '/',
  '/privacy',
  '/voorwaarden',
  '/signup',
  '/login',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/confirm-email',
  '/cursussen',
  '/cursus/:courseSlug',
  '/cursus/:courseSlug/les/:lessonSlug',
  '/certificaat/:code',
  '/prijzen',
  '/stappenplan',
  '/stappenplan/bevestigen',
  '/nieuwsbrief',
  '/nieuwsbrief/bevestigen',
  '/nieuwsbrief/afmelden',
  '/nieuwsbrief/:slug',
  '/account',
  '/account/privacy',
  '/coaching',
  '/coaching/coach/:coachId',
  '/coaching/sessies/:bookingId',
  '/coach',
  '/coach/profiel',
  '/coach/sessies',
  '/coach/beschikbaarheid',
  '/account/bestellingen',
  '/afrekenen/:productSlug',
  '/bestelling/:orderId',
  '/dashboard',
  '/admin',
  '/admin/toegang',
  '/admin/cursussen',
  '/admin/cursussen/:courseSlug',
  '/admin/cursussen/:courseSlug/les/:lessonId',
  '/admin/bestellingen',
  '/admin/bestellingen/:orderId',
  '/admin/producten',
  '/admin/privacyverzoeken',
  '/admin/autorisaties',
  '/admin/privacy',
  '/admin/statistieken',
  '/admin/nieuwsbrieven',
  '/admin/coaching',
  '/admin/kortingscodes',
  '/admin/blog',
  '/admin/blog/:postId',
  '/admin/reacties',
  '/coaching/link/:token',
  '/account/privacy/annuleren',
  '/dev/mailbox',
] as const

export type WebRoutePattern = (typeof webRoutePatterns)[number]

const segmentsOf = (path: string): string[] => path.split('/').filter((s) => s !== '')

const compiled = webRoutePatterns.map((pattern) => ({ pattern, segments: segmentsOf(pattern) }))

/**
 * The pattern a pathname belongs to, or null (then the SPA would show its 404 page). Matching is
 * react-router's: case-insensitive static segments, a `:param` takes one non-empty segment, a
 * trailing slash is ignored.
 */
export function matchWebRoute(pathname: string): WebRoutePattern | null {
  let decoded: string
  try {
    decoded = decodeURI(pathname)
  } catch {
    return null
  }
  const parts = segmentsOf(decoded)
  for (const { pattern, segments } of compiled) {
    if (segments.length !== parts.length) continue
    if (segments.every((segment, i) => (segment.startsWith(':') ? parts[i]!.length > 0 : segment.toLowerCase() === parts[i]!.toLowerCase()))) return pattern
  }
  return null
}

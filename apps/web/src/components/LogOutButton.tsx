import { useMutation } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { readNotice } from '../lib/notices.ts'
import { useSessionChanged } from '../lib/session.ts'
import { useTRPC } from '../lib/trpc.ts'
import { Button } from './Button.tsx'

export function LogOutButton({ variant = 'ghost' }: { variant?: 'ghost' | 'secondary' }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const logOut = useMutation(
    trpc.auth.logOut.mutationOptions({
      // Even when the request fails (e.g. the session had already expired) the local state is reset,
      // by useSessionResetAfterLogOut once the home page shows.
      onSettled: () => navigate('/', { state: { notice: 'loggedOut' } }),
    }),
  )
  return (
    <Button variant={variant} pending={logOut.isPending} onClick={() => logOut.mutate()}>
      {t('nav.logOut')}
    </Button>
  )
}

/**
 * Drops the previous session's data once the page after logging out is on screen (the layout calls
 * it). Not earlier: the router renders a new page in a transition, and a signed-out `me` arriving
 * before that render is committed would re-render the members-only page being left, which then
 * sends to /login (seen on a slow phone).
 */
export function useSessionResetAfterLogOut(): void {
  const location = useLocation()
  const sessionChanged = useSessionChanged()
  const loggedOut = readNotice(location.state)?.notice === 'loggedOut'
  useEffect(() => {
    if (loggedOut) void sessionChanged()
  }, [loggedOut, location.key, sessionChanged])
}

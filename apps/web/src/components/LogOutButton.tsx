import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useSessionChanged } from '../lib/session.ts'
import { useTRPC } from '../lib/trpc.ts'
import { Button } from './Button.tsx'

export function LogOutButton({ variant = 'ghost' }: { variant?: 'ghost' | 'secondary' }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const sessionChanged = useSessionChanged()
  const logOut = useMutation(
    trpc.auth.logOut.mutationOptions({
      // Even when the request fails (e.g. the session had already expired) the local state is reset.
      // Leave the page first: a members-only page would otherwise redirect to /login once `me` is null.
      onSettled: async () => {
        await navigate('/', { state: { notice: 'loggedOut' } })
        await sessionChanged()
      },
    }),
  )
  return (
    <Button variant={variant} pending={logOut.isPending} onClick={() => logOut.mutate()}>
      {t('nav.logOut')}
    </Button>
  )
}

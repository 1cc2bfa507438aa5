import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Me } from '@jouwbot/shared'
import { useTRPC } from './trpc.ts'

export interface MeState {
  me: Me | null
  /** Fully signed in: a session that is not waiting for its 2FA code. */
  signedIn: boolean
  /** Password given, 2FA code still needed. */
  pendingTwoFactor: boolean
  isPending: boolean
  error: unknown
  refetch: () => unknown
}

export function useMe(): MeState {
  const trpc = useTRPC()
  const query = useQuery(trpc.auth.me.queryOptions())
  const me = query.data ?? null
  return {
    me,
    signedIn: me !== null && !me.twoFactorPending,
    pendingTwoFactor: me?.twoFactorPending ?? false,
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
  }
}

/**
 * Call after the session changed (logged in, logged out, password reset): drops every cached answer
 * that belonged to the previous session and loads `auth.me` again before the caller navigates.
 */
export function useSessionChanged(): () => Promise<void> {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useCallback(async () => {
    const meKey = trpc.auth.me.queryKey()
    queryClient.removeQueries({ predicate: (query) => !sameKey(query.queryKey, meKey) })
    await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 })
  }, [trpc, queryClient])
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Whether the page was served to a request without a session cookie (the server marks the shell,
 * apps/server/src/http/site/public-shell.ts). True means a visitor; false means "ask the server".
 */
export function shellSaysGuest(): boolean {
  // On the server (entry-server.tsx) only requests without a session cookie are rendered.
  if (typeof document === 'undefined') return true
  return document.querySelector('meta[name="jb-session"]')?.getAttribute('content') === 'none'
}

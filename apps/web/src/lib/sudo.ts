import { createContext, useContext } from 'react'

/** Thrown when the person closes the "confirm your password" dialog instead of confirming. */
export class SudoCancelledError extends Error {
  constructor() {
    super('Reauthentication cancelled')
    this.name = 'SudoCancelledError'
  }
}

/**
 * Runs a security-sensitive action; when the server answers `auth.reauthenticationRequired`, asks for
 * the password (and 2FA code), calls `auth.reauthenticate` and runs the action once more.
 */
export type WithSudo = <T>(action: () => Promise<T>) => Promise<T>

export const SudoContext = createContext<WithSudo | null>(null)

export function useSudo(): WithSudo {
  const withSudo = useContext(SudoContext)
  if (!withSudo) throw new Error('useSudo must be used inside <SudoProvider>')
  return withSudo
}

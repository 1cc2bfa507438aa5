import { lazy, Suspense, useCallback, useRef, useState, type ReactNode } from 'react'
import { errorKeyOf } from '../lib/errors.ts'
import { SudoCancelledError, SudoContext, type WithSudo } from '../lib/sudo.ts'

// Loaded only when a password confirmation is actually needed (it brings the form code along).
const ReauthDialog = lazy(async () => ({ default: (await import('./ReauthDialog.tsx')).ReauthDialog }))

interface Prompt {
  resolve: () => void
  reject: (error: Error) => void
}

/**
 * Provides `useSudo()`: runs an action and, when the server says the password must be entered again
 * (`auth.reauthenticationRequired`), shows the "confirm your password" dialog once and retries.
 * Several actions failing at the same time share one dialog.
 */
export function SudoProvider({ children }: { children: ReactNode }) {
  const [prompt, setPrompt] = useState<Prompt | null>(null)
  const pending = useRef<Promise<void> | null>(null)

  const confirmPassword = useCallback((): Promise<void> => {
    if (!pending.current) {
      pending.current = new Promise<void>((resolve, reject) => setPrompt({ resolve, reject })).finally(() => {
        pending.current = null
        setPrompt(null)
      })
    }
    return pending.current
  }, [])

  const withSudo = useCallback<WithSudo>(
    async (action) => {
      try {
        return await action()
      } catch (error) {
        if (errorKeyOf(error) !== 'auth.reauthenticationRequired') throw error
        await confirmPassword()
        return await action()
      }
    },
    [confirmPassword],
  )

  return (
    <SudoContext value={withSudo}>
      {children}
      {prompt ? (
        <Suspense fallback={null}>
          <ReauthDialog onConfirmed={prompt.resolve} onCancel={() => prompt.reject(new SudoCancelledError())} />
        </Suspense>
      ) : null}
    </SudoContext>
  )
}

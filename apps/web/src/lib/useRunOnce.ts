import { useEffect, useRef } from 'react'

/**
 * Runs `effect` once per mounted component, also under StrictMode's double effect pass. Used for the
 * e-mail link pages, whose mutation (consuming a one-time token) must not be sent twice.
 */
export function useRunOnce(effect: () => void): void {
  const ran = useRef(false)
  const latest = useRef(effect)
  latest.current = effect
  useEffect(() => {
    if (ran.current) return
    ran.current = true
    latest.current()
  }, [])
}

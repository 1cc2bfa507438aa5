import { useEffect, useRef } from 'react'

/**
 * Runs `onRestored` when the browser shows this page again from its back/forward cache (the buyer
 * pressed Back on Mollie's checkout): state such as "redirecting…" must be reset then.
 */
export function usePageRestored(onRestored: () => void): void {
  const callback = useRef(onRestored)
  callback.current = onRestored
  useEffect(() => {
    const listener = (event: PageTransitionEvent) => {
      if (event.persisted) callback.current()
    }
    window.addEventListener('pageshow', listener)
    return () => window.removeEventListener('pageshow', listener)
  }, [])
}

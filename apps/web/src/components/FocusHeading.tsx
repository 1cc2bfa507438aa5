import { useEffect, useRef, type ReactNode } from 'react'

/** A heading that takes focus when it appears, e.g. the "check your mailbox" message after a submit. */
export function FocusHeading({ children, level = 2 }: { children: ReactNode; level?: 1 | 2 | 3 }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => ref.current?.focus(), [])
  const Tag = `h${level}` as const
  return (
    <Tag ref={ref} tabIndex={-1} className="focus-heading">
      {children}
    </Tag>
  )
}

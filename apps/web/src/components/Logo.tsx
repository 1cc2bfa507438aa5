import { useId } from 'react'

/** The Jouw Bot mark: a chat bubble with two eyes, in the brand gradient. Decorative. */
export function Logo({ size = 32 }: { size?: number }) {
  const gradientId = useId()
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false" className="logo">
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#0a7cff" />
          <stop offset="1" stopColor="#a334fa" />
        </linearGradient>
      </defs>
      <path
        fill={`url(#${gradientId})`}
        d="M32 4C16.5 4 4 15.6 4 30c0 8.2 4.1 15.5 10.5 20.3V60l9.6-5.3c2.5.7 5.2 1.1 7.9 1.1 15.5 0 28-11.6 28-26S47.5 4 32 4z"
      />
      <circle cx="22" cy="30" r="4" fill="#fff" />
      <circle cx="42" cy="30" r="4" fill="#fff" />
    </svg>
  )
}

/** One-off messages passed to the next page through router state (never through the URL). */
export type NoticeState =
  | { notice: 'passwordReset' }
  | { notice: 'loggedOut' }
  | { notice: 'recoveryCodeUsed'; remaining: number }

export function readNotice(state: unknown): NoticeState | null {
  if (!state || typeof state !== 'object' || !('notice' in state)) return null
  const { notice } = state as { notice: unknown }
  if (notice === 'passwordReset' || notice === 'loggedOut') return { notice }
  if (notice === 'recoveryCodeUsed') {
    const remaining = (state as { remaining?: unknown }).remaining
    return { notice, remaining: typeof remaining === 'number' ? remaining : 0 }
  }
  return null
}

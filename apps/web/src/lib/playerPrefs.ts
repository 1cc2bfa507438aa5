/** Player choices remembered in this browser (no personal data, so localStorage is fine). */
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const

const RATE_KEY = 'jouwbot.playbackRate'
const CAPTIONS_KEY = 'jouwbot.captions'

/** The stored speed when it is one a player supports (0.25–4), otherwise 1. */
export function readPlaybackRate(): number {
  const value = Number(read(RATE_KEY))
  return Number.isFinite(value) && value >= 0.25 && value <= 4 ? value : 1
}

export function storePlaybackRate(rate: number): void {
  write(RATE_KEY, String(rate))
}

export function readCaptionsOn(): boolean {
  return read(CAPTIONS_KEY) === 'on'
}

export function storeCaptionsOn(on: boolean): void {
  write(CAPTIONS_KEY, on ? 'on' : 'off')
}

// Storage may be unavailable (privacy settings, quota): the player then simply forgets.
function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // ignore
  }
}

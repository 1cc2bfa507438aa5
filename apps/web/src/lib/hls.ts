/**
 * HLS playback: natively where the browser plays HLS itself (Safari, iOS, and Chromium since it
 * answers `canPlayType('application/vnd.apple.mpegurl')` with "maybe"), otherwise through hls.js
 * (Media Source Extensions), which is loaded on demand only then: it is 578 kB (180 kB gzip) that
 * a browser with native HLS would download and run for nothing. Browsers with neither keep the MP4.
 */

export interface HlsPlayback {
  destroy(): void
}

const HLS_TYPE = 'application/vnd.apple.mpegurl'

/** Whether this browser plays HLS in a plain <video> (any answer but "" from canPlayType). */
export function nativeHls(video?: HTMLVideoElement | null): boolean {
  if (typeof document === 'undefined') return false
  return (video ?? document.createElement('video')).canPlayType(HLS_TYPE) !== ''
}

/** Whether this browser might play HLS through hls.js (checked without loading it). */
export function hlsJsCandidate(): boolean {
  return typeof window !== 'undefined' && ('MediaSource' in window || 'ManagedMediaSource' in window)
}

/** Whether HLS can play here at all: natively, or through hls.js. */
export function hlsCandidate(): boolean {
  return nativeHls() || hlsJsCandidate()
}

/**
 * Loads hls.js and plays `url` in `video`. Resolves to null when hls.js cannot play here (then use
 * the MP4). `onFatal` is called once when hls.js gives up (network or media failure it could not
 * recover from); the caller destroys the playback and switches to the MP4.
 */
export async function attachHls(video: HTMLVideoElement, url: string, onFatal: (detail: string) => void): Promise<HlsPlayback | null> {
  const { default: Hls } = await import('hls.js')
  if (!Hls.isSupported()) return null
  const hls = new Hls({
    // The lesson's captions are our own <track>; nothing from the stream should add or touch text tracks.
    enableWebVTT: false,
    enableIMSC1: false,
    enableCEA708Captions: false,
    capLevelToPlayerSize: true,
    backBufferLength: 60,
  })
  let failed = false
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal || failed) return
    failed = true
    onFatal(`${data.type}: ${data.details}`)
  })
  hls.loadSource(url)
  hls.attachMedia(video)
  return { destroy: () => hls.destroy() }
}

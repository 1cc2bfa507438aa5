/**
 * HLS playback through hls.js (Media Source Extensions), loaded on demand so it stays out of the
 * main bundle. Wherever MSE exists hls.js plays the renditions, also in browsers that report native
 * HLS support: recent Chromium (156 here) answers `canPlayType('application/vnd.apple.mpegurl')`
 * with "maybe", and hls.js itself recommends trying `Hls.isSupported()` before native playback.
 * Browsers without MSE (older iPhones) keep the MP4.
 */

export interface HlsPlayback {
  destroy(): void
}

/** Whether this browser might play HLS through hls.js (checked without loading it). */
export function hlsCandidate(): boolean {
  return typeof window !== 'undefined' && ('MediaSource' in window || 'ManagedMediaSource' in window)
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

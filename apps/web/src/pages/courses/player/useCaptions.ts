import { useEffect, useRef, useState, type RefObject } from 'react'
import { readCaptionsOn, storeCaptionsOn } from '../../../lib/playerPrefs.ts'

/**
 * Captions: the VTT text comes with the lesson; the <track> reads it from a Blob URL (media-src blob:).
 * Whether they show is remembered, and follows the captions menu of the native controls.
 */
export function useCaptions(vtt: string | null | undefined, videoRef: RefObject<HTMLVideoElement | null>) {
  const [captionsOn, setCaptionsOn] = useState(readCaptionsOn)
  const [captionsUrl, setCaptionsUrl] = useState<string | null>(null)
  const trackRef = useRef<HTMLTrackElement>(null)

  useEffect(() => {
    if (!vtt) return
    const url = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }))
    setCaptionsUrl(url)
    return () => {
      URL.revokeObjectURL(url)
      setCaptionsUrl(null)
    }
  }, [vtt])

  useEffect(() => {
    const track = trackRef.current?.track
    if (track) track.mode = captionsOn ? 'showing' : 'hidden'
  }, [captionsOn, captionsUrl])

  // The native controls have their own captions menu: follow it.
  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    const tracks = video.textTracks
    const onChange = () => {
      const track = trackRef.current?.track
      if (!track) return
      const showing = track.mode === 'showing'
      setCaptionsOn((current) => {
        if (current !== showing) storeCaptionsOn(showing)
        return showing
      })
    }
    tracks.addEventListener('change', onChange)
    return () => tracks.removeEventListener('change', onChange)
  }, [videoRef])

  function toggle(): void {
    const next = !captionsOn
    setCaptionsOn(next)
    storeCaptionsOn(next)
  }

  return { captionsOn, captionsUrl, trackRef, toggle }
}

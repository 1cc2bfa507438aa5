import type { Metadata, Sharp } from 'sharp'
import { AppError, type ErrorKey } from '@jouwbot/shared'

/** Formats an upload may be in; anything else (SVG, PDF, …) is refused whatever its Content-Type said. */
const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif', 'tiff'])
/** Larger pictures are refused before decoding (a decompression bomb costs nothing then). */
const MAX_INPUT_PIXELS = 50_000_000

/**
 * An uploaded image, sniffed by decoding its header with sharp (never by the name or Content-Type)
 * and turned upright by its EXIF orientation. What callers write from it carries no metadata at all
 * (EXIF, GPS, camera): sharp writes none unless asked. Used by the blog's post images and the coach photo.
 */
export async function openUploadedImage(bytes: Buffer, refusal: ErrorKey = 'error.unsupportedMediaType'): Promise<{ image: Sharp; info: Metadata }> {
  // Loaded on first use: sharp's libvips is native memory the server would otherwise hold from its
  // start, for an action staff take now and then (bench:memory).
  const { default: sharp } = await import('sharp')
  let info: Metadata
  try {
    info = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', refusal)
  }
  if (!info.format || !acceptedFormats.has(info.format)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', refusal)
  return { image: sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate(), info }
}

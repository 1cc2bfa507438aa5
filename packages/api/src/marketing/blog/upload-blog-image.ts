import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import type { AppDeps } from '../../deps.ts'
import { openUploadedImage } from '../../images.ts'

/** Uploaded originals may be this large; what is stored is far smaller. */
export const BLOG_IMAGE_MAX_BYTES = 15 * 1024 * 1024
const MAX_WIDTH = 1600

export const BLOG_IMAGE_PREFIX = 'blog/images/'
/** `<uuid>.webp` / `<uuid>.avif`: the only names the image route serves. */
export const blogImageName = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(webp|avif)$/

/**
 * An image for a blog post (staff): decoded by sharp (so only real images pass, whatever the
 * Content-Type said), turned upright by its EXIF orientation, resized to at most 1600 px wide, and
 * stored as WebP and AVIF without any metadata (EXIF, GPS, camera: sharp writes none by default).
 */
export async function uploadBlogImage(deps: Pick<AppDeps, 'storage'>, options: { bytes: Buffer }) {
  const { image } = await openUploadedImage(options.bytes)
  const base = image.resize({ width: MAX_WIDTH, withoutEnlargement: true })
  const [webp, avif] = await Promise.all([base.clone().webp({ quality: 80 }).toBuffer({ resolveWithObject: true }), base.clone().avif({ quality: 55 }).toBuffer()])
  const id = randomUUID()
  await deps.storage.write(`${BLOG_IMAGE_PREFIX}${id}.webp`, Readable.from([webp.data]), { contentType: 'image/webp', maxBytes: BLOG_IMAGE_MAX_BYTES })
  await deps.storage.write(`${BLOG_IMAGE_PREFIX}${id}.avif`, Readable.from([avif]), { contentType: 'image/avif', maxBytes: BLOG_IMAGE_MAX_BYTES })
  return { key: `${id}.webp`, url: `/blog/images/${id}.webp`, width: webp.info.width, height: webp.info.height }
}

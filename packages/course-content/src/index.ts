import { fileURLToPath } from 'node:url'

export type * from './types.ts'
export { premiumCursus } from './premium-cursus.ts'

/** Absolute path of this package's media/ folder (videos/, captions/, attachments/). */
export const mediaDir = fileURLToPath(new URL('../media', import.meta.url))

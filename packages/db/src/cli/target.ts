import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** DATABASE_URL when set; otherwise the embedded PGlite folder the server uses (DATA_DIR/pglite). */
export function databaseTarget(): { kind: 'postgres' | 'pglite'; url: string; label: string } {
  const url = process.env.DATABASE_URL
  if (url) return { kind: 'postgres', url, label: url.replace(/\/\/[^@]*@/, '//…@') }
  const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL('../../../../.data', import.meta.url))
  const folder = join(dataDir, 'pglite')
  return { kind: 'pglite', url: folder, label: folder }
}

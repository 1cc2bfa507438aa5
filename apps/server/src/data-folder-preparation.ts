import { fork } from 'node:child_process'
import { dirname, extname, join } from 'node:path'
import { isPrepared, markPrepared } from '@jouwbot/db'
import type { Logger } from 'pino'

/**
 * The embedded database's first start (initdb of the PGlite folder, every migration, the demo seed)
 * runs in a short-lived child process. PGlite's WebAssembly memory only grows, and the native memory
 * that preparation takes is not given back: done in the server itself it stayed resident for good
 * (~400 MB idle after a first start against ~270 MB after later ones). The child exits when done,
 * and the server opens a folder that is ready.
 */

/** What the child (prepare.ts) reports before it exits. */
export type PreparationMessage = { ok: true } | { ok: false; message: string }

export class PrepareError extends Error {
  override name = 'PrepareError'
}

/**
 * The child's entry, next to the entry this process was started from: src/prepare.ts under tsx
 * (`pnpm dev`; the child inherits tsx's loader through execArgv), dist/prepare.js in the bundle
 * (`pnpm start`; apps/server/build.ts builds both).
 */
export function defaultPreparationEntry(mainScript = process.argv[1] ?? ''): string {
  return join(dirname(mainScript), `prepare${extname(mainScript) || '.js'}`)
}

/**
 * Prepares `folder` in a child process unless its marker says it is prepared up to the newest
 * migration; the marker is written only after the child succeeded. The caller holds the folder's
 * lock throughout and opens the folder only after this returns. Returns the child's pid, or null when
 * there was nothing to do. Throws PrepareError, with the child's reason, when it failed.
 */
export async function prepareDataFolder(folder: string, options: { entry: string; logger: Logger }): Promise<{ pid: number } | null> {
  if (isPrepared(folder)) return null
  const started = Date.now()
  const child = fork(options.entry, [folder], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  options.logger.info({ folder, preparer: child.pid }, 'preparing the data folder in a separate process (database, migrations, demo content)')
  let reported: PreparationMessage | undefined
  child.on('message', (message: PreparationMessage) => (reported = message))
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | { error: Error }>((resolve) => {
    child.once('error', (error) => resolve({ error }))
    // 'close', not 'exit': after the IPC channel closed too, so the child's last message has arrived.
    child.once('close', (code, signal) => resolve({ code, signal }))
  })

  const failure =
    'error' in ended
      ? `het voorbereidingsproces startte niet (${options.entry}): ${ended.error.message}`
      : ended.code === 0 && reported?.ok
        ? null
        : reported && !reported.ok
          ? reported.message
          : `het voorbereidingsproces stopte zonder klaar te melden (${ended.signal ? `signaal ${ended.signal}` : `exitcode ${ended.code}`})`
  if (failure !== null) {
    throw new PrepareError(
      `Het voorbereiden van de datamap ${folder} is mislukt (database, migraties, demo-inhoud; proces ${child.pid ?? '?'}):\n  ${failure}\n` +
        `Er is niets als klaar gemarkeerd: los de oorzaak op en start opnieuw, dan wordt de voorbereiding herhaald.\n` +
        `(Preparing the data folder failed; nothing was marked as done, so the next start tries again.)`,
    )
  }
  markPrepared(folder)
  options.logger.info({ folder, preparer: child.pid, ms: Date.now() - started }, 'data folder prepared')
  return { pid: child.pid! }
}

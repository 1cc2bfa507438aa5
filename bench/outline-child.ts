import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { onInterrupt } from './cleanup.ts'

/**
 * Starts ./outline-server.ts in its own process and waits for its first line (JSON: its URLs and
 * cookies). `stop()` ends it with SIGTERM, on which it drops its database; a Ctrl-C of the bench
 * stops it too (./cleanup.ts). A server that dies during its set-up rejects the promise.
 */
export async function startOutlineServer<Info>(env: Record<string, string> = {}): Promise<{ info: Info; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./outline-server.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  onInterrupt(stop)
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)))
  })
  return { info: JSON.parse(first) as Info, child, stop }
}

/**
 * The built server started the way `pnpm start` starts it (`node dist/index.js` in apps/server, on
 * embedded defaults: PGlite in a fresh temp DATA_DIR, the demo course and shop seeded), for the
 * benches that look at the whole process (bench:lighthouse, bench:memory).
 */
import { onInterrupt } from './cleanup.ts'
import { freePort } from '../tests/helpers/free-port.ts'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const serverDir = path.join(repoRoot, 'apps/server')

/** Builds the web client (with its .br/.gz files) and the server bundle, as `pnpm start` does. */
export function buildAll(): void {
  execFileSync('pnpm', ['--filter', '@jouwbot/web', '--filter', '@jouwbot/server', 'build'], { cwd: repoRoot, stdio: 'inherit' })
}

export async function tempDataDir(name: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `jouwbot-${name}-`))
  onInterrupt(() => rm(dir, { recursive: true, force: true }))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

export interface BuiltServer {
  url: string
  child: ChildProcess
  output: () => string
  /** SIGTERM, then SIGKILL after 20 s. */
  stop: () => Promise<void>
}

/** Starts the built server on `dataDir` and waits for /healthz (up to 4 minutes on a busy machine). */
export async function startBuiltServer(dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BuiltServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child = spawn(process.execPath, [...nodeArgs, '--enable-source-maps', 'dist/index.js'], {
    cwd: serverDir,
    // DEMO_VIDEOS=off: the demo's background video rendering (minutes of ffmpeg and sharp after a first
    // start) is work, not idle, and would skew what these benches measure.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', DATA_DIR: dataDir, PORT: String(port), DEMO_VIDEOS: 'off', ...env },
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  let stopping = false
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`the server stopped by itself (code ${code}, signal ${signal}):\n${output}`)
  })
  const stop = async () => {
    stopping = true
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    await exited
    clearTimeout(timer)
  }
  onInterrupt(stop)
  const until = Date.now() + 240_000
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, output: () => output, stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`no /healthz within 240 s:\n${output}`)
}

/** Resident set size of a process in MB (VmRSS from /proc), and its parts (anonymous, file-backed). */
export async function rssOf(pid: number): Promise<{ rss: number; anon: number; file: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 }
}

import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/*
 * The real nginx (Debian's nginx-light, /usr/sbin/nginx) in a temp prefix folder, running the media part
 * of the deploy example (apps/server/deploy/nginx/jouwbot.conf, between its "BEGIN media" and "END media"
 * lines) in front of an app: what tests/integration/nginx-media.test.ts and bench/media.ts run.
 */

export const NGINX = '/usr/sbin/nginx'
export const DEPLOY_CONF = path.join(import.meta.dirname, '../../apps/server/deploy/nginx/jouwbot.conf')
/** The deploy example's values that a test or bench run replaces (marked CHANGE there). */
const DEPLOY_MEDIA_ROOT = '/var/lib/jouwbot/media'
const DEPLOY_CACHE_DIR = '/var/cache/nginx/jouwbot-media-auth'

/** Fails with what to do when nginx is not installed: these tests must not pass by skipping. */
export function assertNginxInstalled(): void {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx-light (apt-get install nginx-light; .ci/run does)`)
}

function section(text: string, name: string): string {
  const begin = text.indexOf(`# BEGIN media (${name})`)
  const end = text.indexOf(`# END media (${name})`)
  if (begin === -1 || end < begin) throw new Error(`${DEPLOY_CONF}: no "# BEGIN media (${name})" … "# END media (${name})" section`)
  return text.slice(begin, end)
}

export interface MediaConfigOptions {
  /** The app's local media folder (MEDIA_DIR). */
  mediaRoot: string
  /** Where nginx keeps the cached answers. */
  cacheDir: string
  /** The upstream the media part proxies to (`jouwbot_app` in the example). */
  upstream?: string
  /** The cache zone's name: one per server when several run in one nginx (bench). */
  zone?: string
}

/**
 * The deploy example's media part with the paths (and, when asked, the upstream and zone names) replaced:
 * `cache` (the proxy_cache_path directive) and `map` go in http{}, once per zone and once at all
 * respectively; `server` goes in server{}.
 */
export function deployMediaConfig({ mediaRoot, cacheDir, upstream = 'jouwbot_app', zone = 'jouwbot_media_auth' }: MediaConfigOptions) {
  const text = readFileSync(DEPLOY_CONF, 'utf8')
  const replace = (part: string) =>
    part
      .replaceAll(DEPLOY_MEDIA_ROOT, mediaRoot)
      .replaceAll(DEPLOY_CACHE_DIR, cacheDir)
      .replaceAll('jouwbot_media_auth', zone)
      .replaceAll('http://jouwbot_app', `http://${upstream}`)
  const http = section(text, 'http')
  const cache = /^proxy_cache_path[^;]*;/m.exec(http)?.[0]
  if (!cache) throw new Error(`${DEPLOY_CONF}: no proxy_cache_path in the media (http) section`)
  return { cache: replace(cache), map: http.replace(cache, ''), server: replace(section(text, 'server')) }
}

export interface RunningNginx {
  /** The nginx master process. */
  process: ChildProcess
  /** Stops nginx (and waits for it) and removes its prefix folder; safe to call more than once. */
  stop(): Promise<void>
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null

/**
 * Starts nginx with `http` (the inside of http{}, without temp paths) in a new prefix folder `dir`
 * (made here), and resolves once `readyUrl` answers. On any failure nginx is stopped and `dir`
 * removed before the error is thrown. One worker, errors to the test's stderr.
 */
export async function startNginx(dir: string, http: string, readyUrl: string): Promise<RunningNginx> {
  assertNginxInstalled()
  let child: ChildProcess | undefined
  const stop = async () => {
    process.off('exit', kill)
    if (child && running(child)) {
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      child.kill('SIGTERM') // nginx: fast shutdown
      await exited
    }
    await rm(dir, { recursive: true, force: true })
  }
  // Should the test process end without its afterAll (a crash), nginx must not outlive it.
  const kill = () => child?.kill('SIGKILL')
  process.once('exit', kill)
  try {
    await mkdir(dir, { recursive: true })
    // When started by root nginx's workers run as nobody: they must reach the media and cache folders.
    if (process.getuid?.() === 0) await chmod(dir, 0o755)
    const conf = `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr error;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
${http}
}
`
    await writeFile(path.join(dir, 'nginx.conf'), conf)
    child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'] })
    child.once('error', () => {}) // reported below as "did not start"
    for (let i = 0; i < 100 && running(child); i++) {
      if (await fetch(readyUrl).then(() => true, () => false)) return { process: child, stop }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`nginx did not start (${readyUrl}); its errors are above`)
  } catch (error) {
    await stop()
    throw error
  }
}

/** A fresh folder for `startNginx` under the run's temp folder. */
export async function nginxPrefix(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'jb-nginx-'))
  // The run's temp folder (tests/helpers/temp-root.ts, bench/cleanup.ts) is 0700: nobody must pass through it.
  if (process.getuid?.() === 0) await chmod(path.dirname(dir), 0o755)
  return dir
}

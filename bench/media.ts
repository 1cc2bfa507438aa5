/**
 * Lesson video delivery, side by side in one run (not part of the test suite):
 *   nginx         — nginx serving the file directly with sendfile: the baseline;
 *   nginx, open files — the same with open_file_cache, as the deploy example's video location has it;
 *   node          — the media route in 'node' delivery (HMAC-signed URL, authorizer, http/local-file.ts);
 *   x-accel       — nginx in front of the media route in 'x-accel' delivery, with the media part of
 *                   apps/server/deploy/nginx/jouwbot.conf itself (tests/helpers/nginx.ts reads it): nginx asks
 *                   the app once per signed URL (auth_request), keeps its "yes" for ≤ 5 s and sends the
 *                   ranges in between itself; nginx reaches the app over a Unix socket (LISTEN_SOCKET);
 *   …, uncached   — the same with the entitlement checked in the database on every question to the app;
 *   x-accel, tcp  — x-accel with nginx reaching the app over loopback TCP instead, for comparison;
 *   x-accel, per request — the design before: every range goes to the app, which answers X-Accel-Redirect.
 * All ranges go to one signed URL (one player): the "yes" is asked for once per 5 s. A real player asks
 * for a range every second or so, so there the app answers about one range in five; the figures are
 * nginx's side of that.
 * node and x-accel run boot.ts's request listener (`composeServer`: the route ahead of Express), which
 * authorises for real, on PostgreSQL (BENCH_DATABASE_URL): see bench/media-servers.ts.
 * Load: random 256 kB byte ranges of a 5 MB file at a fixed concurrency, loopback only, bounded in time.
 * Targets run in rounds, in a rotating order, so drift on a shared machine hits them alike. Besides
 * throughput it reports the servers' CPU time per request (nginx worker + Node process, from /proc),
 * which says what each way costs even when the machine, not the server, is the limit.
 *
 *   pnpm bench:media [--seconds 5] [--rounds 3] [--connections 32] [--client auto|wrk|autocannon] [--only 'x-accel;x-accel, per request']
 *
 * `--only`: these targets alone (names as printed, separated by semicolons; nginx, the baseline, is always run).
 *
 * One nginx worker and one Node process. The load generator is wrk when installed (apt-get install
 * wrk), else autocannon; it needs a core of its own, so on a 2-core machine all three share the rest.
 */
import { onInterrupt } from './cleanup.ts'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { signMediaUrl } from '@jouwbot/api/courses'
import { freePort } from '../tests/helpers/free-port.ts'
import { deployMediaConfig } from '../tests/helpers/nginx.ts'
import { autocannonLoad, childPids, cpuMicros, type LoadOptions, type LoadResult, wrkInstalled, wrkLoad } from './load.ts'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    client: { type: 'string', default: 'auto' },
    only: { type: 'string' },
  },
})
const [SECONDS, ROUNDS, CONNECTIONS] = [Number(args.seconds), Number(args.rounds), Number(args.connections)]
const FILE_SIZE = 5 * 1024 * 1024
const RANGE = 256 * 1024
const SECRET = randomBytes(32).toString('base64url')
const KEY = 'videos/sample.mp4'
const useWrk = args.client === 'wrk' || (args.client === 'auto' && wrkInstalled())

/**
 * The proxy settings of apps/server/deploy/nginx/jouwbot.conf (`location /`): what production pays
 * per request on the way to the app.
 */
const proxyToApp = (upstream: string) =>
  `proxy_pass http://${upstream}; proxy_http_version 1.1; proxy_set_header Connection ""; ` +
  'proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto $scheme;'

/** x-accel as apps/server/deploy/nginx/jouwbot.conf has it: its media part, one cache zone per server. */
const ACCEL_SERVERS = [
  ['accel', 'accelNode', 'sockets.accelNode'],
  ['accelUncached', 'accelNodeUncached', 'sockets.accelNodeUncached'],
  ['accelTcp', 'accelNodeTcp', 'ports.accelNodeTcp'],
] as const

const nginxConfig = (dir: string, mediaRoot: string, ports: Record<string, number>, sockets: Record<string, string>) => {
  const address = (at: (typeof ACCEL_SERVERS)[number][2]) =>
    at === 'ports.accelNodeTcp' ? `127.0.0.1:${ports.accelNodeTcp}` : `unix:${sockets[at.slice('sockets.'.length)]}`
  const media = ACCEL_SERVERS.map(([front, app]) => ({
    front,
    app,
    ...deployMediaConfig({ mediaRoot, cacheDir: path.join(dir, `cache-${front}`), upstream: app, zone: `media_${front}` }),
  }))
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  types { video/mp4 mp4; }
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;

  server { # the baseline: the file straight from disk, no authorisation
    listen 127.0.0.1:${ports.direct};
    location /media/ { alias ${mediaRoot}/; }
  }
  server { # the same with open_file_cache as the deploy example's media part has it
    listen 127.0.0.1:${ports.directCached};
    location /media/ { alias ${mediaRoot}/; open_file_cache max=1000 inactive=20s; open_file_cache_valid 2s; }
  }
${media[0]!.map}
${ACCEL_SERVERS.map(([, app, at]) => `  upstream ${app} { server ${address(at)}; keepalive 64; keepalive_timeout 4s; }`).join('\n')}
${media.map(({ front, app, cache, server }) => `
  ${cache}
  server { # x-accel: the deploy example's media part
    listen 127.0.0.1:${ports[front]};
    location / { ${proxyToApp(app)} }
${server}
  }`).join('')}

  server { # x-accel per request (the design before): Node authorises every range, nginx sends
    listen 127.0.0.1:${ports.accelPerRequest};
    location / { ${proxyToApp('accelNode')} }
    location /_protected_media/ { internal; alias ${mediaRoot}/; }
  }
}
`
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null

/** Starts a child and resolves once `readyUrl` answers at all; fails if the child exits first. */
async function startChild(command: string, argv: string[], env: NodeJS.ProcessEnv, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
  for (let i = 0; i < 100 && running(child); i++) {
    if (await fetch(readyUrl).then(() => true, () => false)) return child
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill('SIGTERM')
  throw new Error(`${command} did not start (${readyUrl})`)
}

/** A 206 with exactly the requested bytes, or the benchmark would measure the wrong thing. */
async function check(name: string, url: string, file: Buffer) {
  const response = await fetch(url, { headers: { range: 'bytes=1000-1999' } })
  const body = Buffer.from(await response.arrayBuffer())
  if (response.status !== 206 || !body.equals(file.subarray(1000, 2000))) throw new Error(`${name}: got ${response.status}, wrong bytes`)
  console.log(`  ${name.padEnd(20)} 206 ok, content-type ${response.headers.get('content-type')}, cache-control ${response.headers.get('cache-control')}`)
}

const dir = await mkdtemp(path.join(tmpdir(), 'jouwbot-bench-'))
const children: ChildProcess[] = []
const stopChildren = async () => {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(children.map((child) => running(child) && new Promise((resolve) => child.once('exit', resolve))))
}
onInterrupt(stopChildren)
try {
  // nginx workers run as nobody when started by root: they must pass through this folder and its
  // parent, the per-run temp folder ./cleanup.ts makes (0700 as mkdtemp makes it).
  await chmod(path.dirname(dir), 0o755)
  await chmod(dir, 0o755)
  const mediaRoot = path.join(dir, 'media')
  await mkdir(path.join(mediaRoot, 'videos'), { recursive: true })
  // ASCII, not random bytes: the servers never look at the content, but autocannon decodes every
  // response body as UTF-8 text, which for binary data made the load generator the bottleneck.
  const file = Buffer.alloc(FILE_SIZE, 'jouwbot ')
  await writeFile(path.join(mediaRoot, KEY), file)

  const ports: Record<string, number> = {}
  for (const name of ['direct', 'directCached', 'node', 'nodeUncached', 'accel', 'accelUncached', 'accelTcp', 'accelNodeTcp', 'accelPerRequest']) ports[name] = await freePort()
  // nginx reaches the app over a Unix socket (LISTEN_SOCKET), as the deploy example does; 'x-accel, tcp' over loopback TCP.
  const sockets = { accelNode: path.join(dir, 'accel.sock'), accelNodeUncached: path.join(dir, 'accel-uncached.sock') }
  await writeFile(path.join(dir, 'nginx.conf'), nginxConfig(dir, mediaRoot, ports, sockets))
  const serverFile = path.join(import.meta.dirname, 'media-servers.ts')
  const env = { MEDIA_ROOT: mediaRoot, MEDIA_SECRET: SECRET, BENCH_PORTS: JSON.stringify(ports), BENCH_SOCKETS: JSON.stringify(sockets), MEDIA_KEY: KEY, NODE_ENV: 'production' }
  const node = spawn(process.execPath, [...process.execArgv, serverFile], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(node)
  const ids = await new Promise<string>((resolve, reject) => {
    createInterface({ input: node.stdout! }).once('line', resolve)
    node.once('exit', (code) => reject(new Error(`bench/media-servers.ts exited (${code})`)))
  })
  const { userId, lessonId } = JSON.parse(ids) as { userId: string; lessonId: string }
  const signed = signMediaUrl(SECRET, { userId, lessonId, expiresAt: new Date(Date.now() + 3600_000) })
  const targets = {
    nginx: `http://127.0.0.1:${ports.direct}/media/${KEY}`,
    'nginx, open files': `http://127.0.0.1:${ports.directCached}/media/${KEY}`,
    node: `http://127.0.0.1:${ports.node}${signed}`,
    'node, uncached': `http://127.0.0.1:${ports.nodeUncached}${signed}`,
    'x-accel': `http://127.0.0.1:${ports.accel}${signed}`,
    'x-accel, uncached': `http://127.0.0.1:${ports.accelUncached}${signed}`,
    'x-accel, tcp': `http://127.0.0.1:${ports.accelTcp}${signed}`,
    'x-accel, per request': `http://127.0.0.1:${ports.accelPerRequest}${signed}`,
  }
  type Target = keyof typeof targets

  const nginx = await startChild('/usr/sbin/nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {}, targets.nginx)
  children.push(nginx)
  // The nginx worker and the cache manager (part of the x-accel design's cost), the Node process. Not
  // the cache loader: it exits after its first minute.
  const nginxPids = childPids(nginx.pid!).filter((pid) => !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('cache loader'))
  const servers = { nginx: nginxPids, node: [node.pid!] }

  console.log(`media delivery: ${FILE_SIZE / 1048576} MB file, random ${RANGE / 1024} kB ranges, ${CONNECTIONS} connections,`)
  console.log(`${ROUNDS} rounds × ${SECONDS} s per target, load generator ${useWrk ? 'wrk (1 thread)' : 'autocannon'}`)
  for (const [name, url] of Object.entries(targets)) await check(name, url, file)

  const load = (url: string, seconds: number) => {
    const options: LoadOptions = { url, seconds, connections: CONNECTIONS, range: { fileSize: FILE_SIZE, length: RANGE } }
    return useWrk ? wrkLoad(options, path.join(dir, 'ranges.lua')) : autocannonLoad(options)
  }
  const only = args.only?.split(';').map((name) => name.trim())
  const names = (Object.keys(targets) as Target[]).filter((name) => !only || name === 'nginx' || only.includes(name))
  for (const name of names) await load(targets[name], 2) // warm-up: JIT, connection pools, page cache

  type Measured = LoadResult & { nginxCpu: number; nodeCpu: number }
  const results = Object.fromEntries(names.map((name) => [name, [] as Measured[]])) as Record<Target, Measured[]>
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!
      const before = { nginx: cpuMicros(servers.nginx), node: cpuMicros(servers.node) }
      const result = await load(targets[name], SECONDS)
      results[name].push({ ...result, nginxCpu: cpuMicros(servers.nginx) - before.nginx, nodeCpu: cpuMicros(servers.node) - before.node })
    }
  }

  const sum = (name: Target, field: keyof Measured) => results[name].reduce((total, r) => total + r[field], 0)
  const rps = (name: Target) => sum(name, 'rps') / ROUNDS
  const perRequest = (name: Target, field: 'nginxCpu' | 'nodeCpu') => sum(name, field) / sum(name, 'requests')
  const row = (cells: Array<string | number>, widths = [20, 7, 13, 6, 7, 7, 9, 8]) =>
    '  ' + cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!))).join(' ')
  console.log('\n' + row(['target', 'req/s', '(min–max)', 'MB/s', 'p99 ms', 'errors', 'nginx µs', 'node µs']))
  for (const name of names) {
    const all = results[name].map((r) => r.rps)
    console.log(
      row([
        name,
        rps(name).toFixed(0),
        `${Math.min(...all).toFixed(0)}–${Math.max(...all).toFixed(0)}`,
        (sum(name, 'mbps') / ROUNDS).toFixed(0),
        (sum(name, 'p99') / ROUNDS).toFixed(0),
        sum(name, 'errors'),
        perRequest(name, 'nginxCpu').toFixed(0),
        perRequest(name, 'nodeCpu').toFixed(0),
      ]),
    )
  }
  console.log('  (nginx µs, node µs: server CPU time per request, user + system)')
  const cpu = (name: Target) => perRequest(name, 'nginxCpu') + perRequest(name, 'nodeCpu')
  const verdict = (name: Target, target: number | null, baseline: Target = 'nginx') => {
    const ratio = rps(name) / rps(baseline)
    const met = target === null ? '' : `  (target ≥ ${target}×: ${ratio >= target ? 'met' : 'NOT met'})`
    return `${ratio.toFixed(2)}×${met};  CPU per request ${(cpu(name) / cpu(baseline)).toFixed(2)}× ${baseline}'s`
  }
  console.log()
  for (const name of names.slice(1)) console.log(`  ${`${name} / nginx`.padEnd(30)} ${verdict(name, name.startsWith('nginx') ? null : name.startsWith('node') ? 0.5 : 0.9)}`)
  if (names.includes('x-accel') && names.includes('nginx, open files')) console.log(`  ${'x-accel / nginx, open files'.padEnd(30)} ${verdict('x-accel', 0.9, 'nginx, open files')}`)
} finally {
  await stopChildren()
  await rm(dir, { recursive: true, force: true })
}

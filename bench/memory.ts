/**
 * Idle memory of the embedded server, as `pnpm start` runs it (PGlite in DATA_DIR, demo content):
 *
 *   pnpm bench:memory [--settle 30] [--no-build]
 *
 * Starts the built server on a fresh, empty data folder (first start: initdb, migrations and the demo
 * seed, done by its short-lived preparation child; the RSS measured is the serving process's),
 * waits until /healthz answers and then `--settle` seconds more without any request, and reads its
 * RSS from /proc (as it is, and after a full GC); stops it (SIGTERM) and starts it again on the same folder (second start). The
 * target is ≤ 350 MB idle for both. A preloaded probe (bench/memory-probe.mjs) prints where the
 * memory is: V8 heap, external/ArrayBuffers (PGlite's WebAssembly memory is an ArrayBuffer), and the
 * rest (code, native allocations), next to the RSS's anonymous and file-backed parts.
 */
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { buildAll, rssOf, startBuiltServer, tempDataDir, type BuiltServer } from './built-server.ts'

const { values: args } = parseArgs({ options: { settle: { type: 'string', default: '30' }, 'no-build': { type: 'boolean', default: false } } })
const SETTLE_MS = Number(args.settle) * 1000
const TARGET_MB = 350
const probe = fileURLToPath(new URL('./memory-probe.mjs', import.meta.url))

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

async function idle(server: BuiltServer) {
  const pid = server.child.pid!
  let peak = 0
  const until = Date.now() + SETTLE_MS
  while (Date.now() < until) {
    peak = Math.max(peak, (await rssOf(pid)).rss)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  const natural = await rssOf(pid) // idle as it is, before the probe's full GC
  const before = server.output().length
  server.child.kill('SIGUSR2')
  let line: string | undefined
  for (let i = 0; i < 50 && !line; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    line = /MEMORY (\{.*\})/.exec(server.output().slice(before))?.[1]
  }
  const usage = line ? (JSON.parse(line) as NodeJS.MemoryUsage) : null
  const rss = await rssOf(pid) // after the probe's full GC
  return { natural, rss, peak, usage }
}

if (!args['no-build']) buildAll()
const data = await tempDataDir('memory')
const rows = []
try {
  for (const start of ['first (empty folder)', 'second (same folder)']) {
    const started = Date.now()
    const server = await startBuiltServer(data.dir, {}, ['--expose-gc', '--import', probe])
    const healthySeconds = (Date.now() - started) / 1000
    try {
      const { natural, rss, peak, usage } = await idle(server)
      rows.push({
        start,
        'ready s': healthySeconds.toFixed(1),
        'peak RSS MB': Math.round(peak),
        'idle RSS MB': Math.round(natural.rss),
        'after GC MB': Math.round(rss.rss),
        'anon MB': Math.round(rss.anon),
        'file MB': Math.round(rss.file),
        'heap used MB': usage ? mb(usage.heapUsed) : '?',
        'heap total MB': usage ? mb(usage.heapTotal) : '?',
        'external MB': usage ? mb(usage.external) : '?',
        'arrayBuffers MB': usage ? mb(usage.arrayBuffers) : '?',
        [`≤ ${TARGET_MB} MB`]: natural.rss <= TARGET_MB ? 'yes' : 'NO',
      })
    } finally {
      await server.stop()
    }
  }
  console.log(`idle = ${SETTLE_MS / 1000} s after /healthz answered, no requests; 'idle RSS' as it is, the breakdown after a full GC. load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  console.table(rows)
} finally {
  await data.remove()
}

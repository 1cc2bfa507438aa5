/**
 * pnpm bench:outline — `course.outline` for a logged-in, entitled member against the cheapest
 * tRPC query (`system.ping`, same cookie) on the same server and PostgreSQL database, 50
 * connections. Not part of the test suite. Three targets, in rounds of rotating order so drift on
 * a shared machine hits them alike:
 *
 *   ping                 — `GET /trpc/system.ping`: the baseline (session lookup, middleware, tRPC);
 *   outline              — `GET /trpc/course.outline?input=…`, unconditional: the full ~15 kB body;
 *   outline, revalidated — the same with the `If-None-Match` a browser sends after its first answer
 *                          (the answer is `Cache-Control: private, no-cache` with an ETag): 304.
 *
 * Prints requests/s, the server's CPU time per request (from /proc: what a request costs even when
 * the machine, not the server, is the limit) and both ratios against ping (target ≥ 1.0×).
 *
 *   pnpm bench:outline [--seconds 5] [--rounds 3] [--connections 50] [--client auto|wrk|autocannon]
 *
 * The load generator is wrk when installed (apt-get install wrk), else autocannon; on a 2-core
 * machine it shares the cores with the server and PostgreSQL.
 */
import './cleanup.ts'
import { startOutlineServer } from './outline-child.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { autocannonFixedLoad, cpuMicros, type FixedLoadOptions, type LoadResult, wrkFixedLoad, wrkInstalled } from './load.ts'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '5' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' },
    connections: { type: 'string', default: '50' },
    client: { type: 'string', default: 'auto' },
  },
})
const [SECONDS, ROUNDS, CONNECTIONS] = [Number(args.seconds), Number(args.rounds), Number(args.connections)]
const useWrk = args.client === 'wrk' || (args.client === 'auto' && wrkInstalled())
const scratch = mkdtempSync(join(tmpdir(), 'jb-bench-outline-'))

const server = await startOutlineServer<{ url: string; cookie: string }>()
const { child } = server
const { url, cookie } = server.info

const outlineUrl = `${url}/trpc/course.outline?input=${encodeURIComponent(JSON.stringify({ json: { courseSlug: 'premium-cursus' } }))}`

/** What the browser would have: the first answer, checked to be the member's real outline, and its ETag. */
async function firstOutline(): Promise<string | null> {
  const response = await fetch(outlineUrl, { headers: { cookie } })
  const body = (await response.json()) as { result: { data: { json: { hasAccess: boolean; modules: { lessons: unknown[] }[] } } } }
  const outline = body.result.data.json
  const etag = response.headers.get('etag')
  if (response.status !== 200 || !outline.hasAccess || outline.modules.flatMap((m) => m.lessons).length < 30) {
    throw new Error(`unexpected outline answer: ${response.status} ${JSON.stringify(body).slice(0, 200)}`)
  }
  if (!etag) return null
  const again = await fetch(outlineUrl, { headers: { cookie, 'if-none-match': etag } })
  if (again.status !== 304) throw new Error(`revalidation answered ${again.status}, not 304`)
  return etag
}

const load = (options: FixedLoadOptions, name: string): Promise<LoadResult> =>
  useWrk ? wrkFixedLoad(options, join(scratch, `${name}.lua`)) : autocannonFixedLoad(options)

try {
  const etag = await firstOutline()
  const targets: Record<string, FixedLoadOptions> = {
    ping: { url: `${url}/trpc/system.ping`, headers: { cookie }, seconds: SECONDS, connections: CONNECTIONS },
    outline: { url: outlineUrl, headers: { cookie }, seconds: SECONDS, connections: CONNECTIONS },
    ...(etag && {
      'outline, revalidated': { url: outlineUrl, headers: { cookie, 'if-none-match': etag }, seconds: SECONDS, connections: CONNECTIONS },
    }),
  }
  if (!etag) console.log('The outline has no ETag: no revalidation to measure.')
  const names = Object.keys(targets)
  console.log(`${ROUNDS} rounds × ${SECONDS} s per target, ${CONNECTIONS} connections, load generator ${useWrk ? 'wrk (1 thread)' : 'autocannon'}`)

  // Warm-up: JIT, connection pool, caches.
  for (const name of names) await load({ ...targets[name]!, seconds: Math.min(3, SECONDS) }, 'warmup')

  const results: Record<string, { rps: number; cpuPerRequest: number }[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]!)
    const line: string[] = []
    for (const name of order) {
      const before = cpuMicros([child.pid!])
      const result = await load(targets[name]!, name)
      const cpu = cpuMicros([child.pid!]) - before
      if (result.errors) throw new Error(`${name}: ${result.errors} errors`)
      results[name]!.push({ rps: result.rps, cpuPerRequest: cpu / result.requests })
      line.push(`${name} ${result.rps.toFixed(0)} req/s`)
    }
    console.log(`round ${round + 1}: ${line.join(', ')}`)
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const summary = Object.fromEntries(
    names.map((n) => [n, { rps: mean(results[n]!.map((r) => r.rps)), cpu: mean(results[n]!.map((r) => r.cpuPerRequest)) }]),
  )
  console.log('')
  for (const name of names) {
    const { rps, cpu } = summary[name]!
    const ratio = name === 'ping' ? '' : `  ${(rps / summary.ping!.rps).toFixed(2)}× ping (CPU ${(summary.ping!.cpu / cpu).toFixed(2)}×)`
    console.log(`${name.padEnd(22)} ${rps.toFixed(0).padStart(6)} req/s  ${cpu.toFixed(0).padStart(5)} µs CPU/request${ratio}`)
  }
  const revalidated = summary['outline, revalidated']
  console.log(
    `\ncourse.outline / empty query: ${(summary.outline!.rps / summary.ping!.rps).toFixed(2)}× unconditional` +
      `${revalidated ? `, ${(revalidated.rps / summary.ping!.rps).toFixed(2)}× revalidated` : ''} (target ≥ 0.95× revalidated, parity; ${CONNECTIONS} connections, PostgreSQL)`,
  )
} finally {
  await server.stop()
  rmSync(scratch, { recursive: true, force: true })
}

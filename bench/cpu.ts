/**
 * pnpm bench:cpu — the server's CPU time per request for the hot tRPC paths and for the fixed
 * overhead, side by side in one run (not part of the test suite). One server process
 * (bench/outline-server.ts) serves, on separate ports:
 *
 *   bare http        — node:http answering the ping's JSON: the floor of any HTTP answer;
 *   minimal tRPC     — `@trpc/server`'s standalone adapter with one procedure: the floor of a tRPC answer;
 *   system.ping      — the app's empty query (Express, logging, security headers, tRPC; no session lookup);
 *   course.outline   — the member's full outline (unconditional, ~15 kB);
 *   lesson.get       — a locked video lesson the member is entitled to;
 *   lesson.saveProgress — the player's periodic save (POST, same-origin, superjson input): as many
 *                         players as connections, each a different entitled member saving the same
 *                         lesson on its own connection (its own row);
 *   saveProgress, 1 conn — the same save from one player on one connection (this bench's
 *                         earlier shape), shown for reference;
 *   GET / (visitor), GET /prijzen (visitor) — the server-rendered public pages for a visitor
 *                         without a session cookie (apps/server/src/http/site/server-render.ts);
 *   GET / (shell)        — the same page for the member: the plain shell, the reference line
 *                         (the difference is what the server render costs per request).
 *   These need the web build (`pnpm --filter @jouwbot/web build`, incl. dist-ssr).
 *
 * Why the save runs as several players: CPU per request depends on how many requests share the
 * server's wake-ups (epoll, the HTTP parse loop, the PostgreSQL round trips' callbacks). One
 * connection waits for each save's commit before sending the next, so the server idles between
 * requests and every save pays all of them alone, while the GET targets share them over 8
 * connections — not like for like. Several connections saving ONE row would measure contention
 * instead (compare-and-set retries, the row lock). So: 8 connections, 8 rows, as 8 members
 * watching at once. (The save is not throttled: at one connection it runs at the round-trip rate,
 * the session lookup plus the write and its commit, ~70/s on this machine.)
 *
 * All with a logged-in, entitled member's cookie on PostgreSQL (BENCH_DATABASE_URL). The
 * figure is the server process's user + system CPU (from /proc) over a fixed-time load divided by
 * the requests answered, so a machine shared with other work slows the run but hardly moves the
 * figure. PostgreSQL's own CPU is not in it. Targets run in rounds of rotating order; the printout
 * gives the mean per target and the ratios the issue sets targets for, each with the spread of the
 * same ratio taken round by round (on a VM a single round can stray far: see the README):
 *   lesson.get, lesson.saveProgress ≤ 1.5× course.outline;  system.ping ≤ 1.5× minimal tRPC.
 *
 *   pnpm bench:cpu [--seconds 3] [--rounds 3] [--connections 8] [--client auto|wrk|autocannon]
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
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '3' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' },
    connections: { type: 'string', default: '8' },
    client: { type: 'string', default: 'auto' },
  },
})
const [SECONDS, ROUNDS, CONNECTIONS] = [Number(args.seconds), Number(args.rounds), Number(args.connections)]
const useWrk = args.client === 'wrk' || (args.client === 'auto' && wrkInstalled())
const scratch = mkdtempSync(join(tmpdir(), 'jb-bench-cpu-'))

type ServerInfo = {
  url: string
  cookie: string
  players: string[]
  minimalUrl: string
  bareUrl: string
  lesson: { courseSlug: string; lessonSlug: string; lessonId: string }
}
const server = await startOutlineServer<ServerInfo>({ BENCH_PLAYERS: String(CONNECTIONS) })
const child = server.child
try {
  const { url, cookie, players, minimalUrl, bareUrl, lesson } = server.info
  const query = (path: string, input: unknown) => `${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`
  const common = { seconds: SECONDS, connections: CONNECTIONS }
  const member = { cookie }
  const progressBody = JSON.stringify({
    json: { lessonId: lesson.lessonId, positionSeconds: 12, playedRanges: [[0, 12]], clientTime: new Date().toISOString() },
    meta: { values: { clientTime: ['Date'] } },
  })
  const save: FixedLoadOptions = {
    ...common,
    url: `${url}/trpc/lesson.saveProgress`,
    method: 'POST',
    body: progressBody,
    headers: { ...member, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
  }
  const targets: Record<string, FixedLoadOptions> = {
    'bare http': { ...common, url: `${bareUrl}/trpc/system.ping`, headers: {} },
    'minimal tRPC': { ...common, url: `${minimalUrl}/trpc/system.ping`, headers: {} },
    'system.ping': { ...common, url: `${url}/trpc/system.ping`, headers: member },
    'course.outline': { ...common, url: query('course.outline', { courseSlug: lesson.courseSlug }), headers: member },
    'lesson.get': { ...common, url: query('lesson.get', { courseSlug: lesson.courseSlug, lessonSlug: lesson.lessonSlug }), headers: member },
    // One player per connection, each its own member: a row's saves come one after another (see above).
    'lesson.saveProgress': { ...save, perConnection: players.map((playerCookie) => ({ cookie: playerCookie })) },
    'saveProgress, 1 conn': { ...save, connections: 1 },
    'GET / (shell)': { ...common, url: `${url}/`, headers: member },
    'GET / (visitor)': { ...common, url: `${url}/`, headers: {} },
    'GET /prijzen (visitor)': { ...common, url: `${url}/prijzen`, headers: {} },
  }

  // Every target must answer what it should (for every player), or the figures mean nothing.
  for (const [name, target] of Object.entries(targets)) {
    for (const own of target.perConnection ?? [{}]) {
      const init: RequestInit = { method: target.method ?? 'GET', headers: { ...target.headers, ...own } }
      if (target.body !== undefined) init.body = target.body
      const response = await fetch(target.url, init)
      const text = await response.text()
      if (response.status !== 200) throw new Error(`${name}: ${response.status} ${text.slice(0, 300)}`)
      // The page targets must be what they are named: rendered for the visitor, the shell for the member.
      if (name.startsWith('GET ') && text.includes('<div id="root"></div>') !== name.endsWith('(shell)')) {
        throw new Error(`${name}: not ${name.endsWith('(shell)') ? 'the plain shell' : 'server-rendered'} (is the web build there?)`)
      }
    }
  }

  const load = (options: FixedLoadOptions): Promise<LoadResult> =>
    useWrk ? wrkFixedLoad(options, join(scratch, 'load.lua')) : autocannonFixedLoad(options)
  const names = Object.keys(targets)
  const generator = useWrk ? 'wrk (1 thread; one per connection for the players)' : 'autocannon'
  console.log(`${ROUNDS} rounds × ${SECONDS} s per target, ${CONNECTIONS} connections (${players.length} players saving), load generator ${generator}`)
  for (const name of names) await load({ ...targets[name]!, seconds: Math.min(2, SECONDS) }) // warm-up: JIT, pool, caches

  const totals = Object.fromEntries(names.map((n) => [n, { cpu: 0, requests: 0, rps: [] as number[], perRound: [] as number[] }]))
  for (let round = 0; round < ROUNDS; round++) {
    const line: string[] = []
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!
      const before = cpuMicros([child.pid!])
      const result = await load(targets[name]!)
      const cpu = cpuMicros([child.pid!]) - before
      if (result.errors) throw new Error(`${name}: ${result.errors} errors`)
      totals[name]!.cpu += cpu
      totals[name]!.requests += result.requests
      totals[name]!.rps.push(result.rps)
      totals[name]!.perRound.push(cpu / result.requests)
      line.push(`${name} ${(cpu / result.requests).toFixed(0)} µs`)
    }
    console.log(`round ${round + 1}: ${line.join(', ')}`)
  }

  const perRequest = (name: string) => totals[name]!.cpu / totals[name]!.requests
  console.log('\n  target                 CPU µs/request    req/s')
  for (const name of names) {
    const rps = totals[name]!.rps.reduce((a, b) => a + b, 0) / ROUNDS
    console.log(`  ${name.padEnd(22)} ${perRequest(name).toFixed(0).padStart(14)} ${rps.toFixed(0).padStart(8)}`)
  }
  // The same ratio round by round: how far one round can stray from the pooled figure on this machine.
  const roundSpread = (name: string, base: string) => {
    const ratios = totals[name]!.perRound.map((cpu, round) => cpu / totals[base]!.perRound[round]!).sort((a, b) => a - b)
    const median = (ratios[Math.floor((ratios.length - 1) / 2)]! + ratios[Math.floor(ratios.length / 2)]!) / 2
    return `rounds ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}, median ${median.toFixed(2)}`
  }
  const verdict = (name: string, base: string, target: number) => {
    const ratio = perRequest(name) / perRequest(base)
    return `  ${`${name} / ${base}`.padEnd(38)} ${ratio.toFixed(2)}×  (target ≤ ${target}×: ${ratio <= target ? 'met' : 'NOT met'}; ${roundSpread(name, base)})`
  }
  console.log()
  console.log(verdict('lesson.get', 'course.outline', 1.5))
  console.log(verdict('lesson.saveProgress', 'course.outline', 1.5))
  console.log(verdict('system.ping', 'minimal tRPC', 1.5))
  console.log(`  ${'saveProgress, 1 conn / course.outline'.padEnd(38)} ${(perRequest('saveProgress, 1 conn') / perRequest('course.outline')).toFixed(2)}×  (one player alone: for reference)`)
  for (const page of ['GET / (visitor)', 'GET /prijzen (visitor)']) {
    console.log(`  ${`${page} / GET / (shell)`.padEnd(38)} ${(perRequest(page) / perRequest('GET / (shell)')).toFixed(2)}×  (the server render's cost)`)
  }
  console.log(`  ${'minimal tRPC / bare http'.padEnd(38)} ${(perRequest('minimal tRPC') / perRequest('bare http')).toFixed(2)}×  (for scale)`)
} finally {
  await server.stop()
  rmSync(scratch, { recursive: true, force: true })
}

/**
 * pnpm bench:outline — `course.outline` for a logged-in, entitled member against the cheapest
 * tRPC query (`system.ping`, same cookie) on the same server and PostgreSQL database, 50
 * connections. Rounds alternate so both see the same machine. Prints requests/s and the ratio
 * (target ≥ 1.0×). Not part of the test suite.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const CONNECTIONS = 50

const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./outline-server.ts', import.meta.url))], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
const first = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout }).once('line', resolve)
  child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)))
})
const { url, cookie } = JSON.parse(first) as { url: string; cookie: string }

const input = encodeURIComponent(JSON.stringify({ json: { courseSlug: 'premium-cursus' } }))
const targets = {
  ping: `${url}/trpc/system.ping`,
  outline: `${url}/trpc/course.outline?input=${input}`,
}

async function run(target: string) {
  const result = await autocannon({ url: target, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } })
  if (result.non2xx || result.errors) throw new Error(`${target}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

try {
  // Warm-up: JIT, connection pool, caches.
  await run(targets.outline)
  const totals = { ping: 0, outline: 0 }
  for (let round = 1; round <= ROUNDS; round++) {
    const ping = await run(targets.ping)
    const outline = await run(targets.outline)
    totals.ping += ping
    totals.outline += outline
    console.log(`round ${round}: system.ping ${ping.toFixed(0)} req/s, course.outline ${outline.toFixed(0)} req/s`)
  }
  const ratio = totals.outline / totals.ping
  console.log(`\ncourse.outline / empty query: ${ratio.toFixed(2)}× (target ≥ 1.0×; ${CONNECTIONS} connections, PostgreSQL)`)
} finally {
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
}

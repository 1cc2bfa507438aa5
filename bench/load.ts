/**
 * Load generators and CPU accounting for the benchmarks in this folder. Loopback targets only;
 * every run is bounded by its duration.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import autocannon from 'autocannon'

export interface LoadOptions {
  url: string
  seconds: number
  connections: number
  /** A fresh `Range` header value for every request. */
  range: { fileSize: number; length: number }
}
export interface LoadResult { requests: number; rps: number; mbps: number; p99: number; errors: number }

export const wrkInstalled = () => spawnSync('wrk', ['--version']).error === undefined

/** autocannon, in this process. It decodes every response body as UTF-8 text: serve ASCII to it. */
export async function autocannonLoad({ url, seconds, connections, range }: LoadOptions): Promise<LoadResult> {
  const header = () => {
    const start = Math.floor(Math.random() * (range.fileSize - range.length))
    return `bytes=${start}-${start + range.length - 1}`
  }
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, range: header() } }) }],
  })
  return { requests: r.requests.total, rps: r.requests.average, mbps: r.throughput.average / 1e6, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts }
}

/** wrk with one thread (a C client: far less CPU per response than autocannon). */
export async function wrkLoad({ url, seconds, connections, range }: LoadOptions, scriptFile: string): Promise<LoadResult> {
  writeFileSync(
    scriptFile,
    `math.randomseed(os.time())
request = function()
  local start = math.random(0, ${range.fileSize - range.length})
  wrk.headers["Range"] = "bytes=" .. start .. "-" .. (start + ${range.length - 1})
  return wrk.format(nil)
end
done = function(s, latency)
  local e = s.errors
  io.write(string.format("RESULT %d %d %d %d %d\\n", s.requests, s.bytes, s.duration, e.connect + e.read + e.write + e.timeout + e.status, latency:percentile(99)))
end`,
  )
  const child = spawn('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', scriptFile, url], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  await new Promise((resolve) => child.once('exit', resolve))
  const [requests = 0, bytes = 0, micros = 0, errors = 0, p99 = 0] = (/RESULT (.*)/.exec(output)?.[1] ?? '').split(' ').map(Number)
  if (!micros) throw new Error(`wrk failed: ${output}`)
  return { requests, rps: requests / (micros / 1e6), mbps: bytes / micros, p99: Math.round(p99 / 1000), errors }
}

export interface FixedLoadOptions {
  url: string
  seconds: number
  connections: number
  /** Sent with every request (a session cookie, If-None-Match). */
  headers: Record<string, string>
  /** GET unless set (bench:cpu posts a mutation). */
  method?: 'GET' | 'POST'
  body?: string
  /**
   * One entry per connection (then `connections` is its length): headers that connection sends
   * with every request on top of `headers`, e.g. its own member's cookie, so that each connection
   * is one client and no two ever touch the same row at once.
   */
  perConnection?: Record<string, string>[]
}

/** The same request over and over with autocannon; 2xx and 3xx answers count, anything else is an error. */
export async function autocannonFixedLoad({ url, seconds, connections, headers, method = 'GET', body, perConnection }: FixedLoadOptions): Promise<LoadResult> {
  // autocannon keeps a context per connection: the first request of each picks the next entry.
  let next = 0
  const own = perConnection && [
    {
      setupRequest: (request: autocannon.Request, context: { own?: Record<string, string> }) => {
        context.own ??= perConnection[next++ % perConnection.length]!
        return { ...request, headers: { ...request.headers, ...context.own } }
      },
    },
  ]
  const r = await autocannon({
    url,
    connections: perConnection?.length ?? connections,
    duration: seconds,
    headers,
    method,
    ...(body !== undefined && { body }),
    ...(own && { requests: own }),
  })
  const errors = r.errors + r.timeouts + r['4xx'] + r['5xx']
  return { requests: r.requests.total, rps: r.requests.average, mbps: r.throughput.average / 1e6, p99: r.latency.p99, errors }
}

/**
 * The same request over and over with wrk (one thread); statuses ≥ 400 count as errors. With
 * `perConnection`, one thread per connection (wrk's Lua has no per-connection state, only
 * per-thread), each sending its entry's headers.
 */
export async function wrkFixedLoad({ url, seconds, connections, headers, method = 'GET', body, perConnection }: FixedLoadOptions, scriptFile: string): Promise<LoadResult> {
  const own = perConnection
    ? `local own = ${luaTable(perConnection.map(luaTable))}
local handed = 0
setup = function(thread)
  handed = handed + 1
  thread:set("mine", handed)
end
init = function(args)
  for name, value in pairs(own[mine]) do wrk.headers[name] = value end
end
`
    : ''
  const threads = perConnection?.length ?? 1
  writeFileSync(
    scriptFile,
    `wrk.method = "${method}"
${body !== undefined ? `wrk.body = ${JSON.stringify(body)}\n` : ''}${own}done = function(s, latency)
  local e = s.errors
  io.write(string.format("RESULT %d %d %d %d %d\\n", s.requests, s.bytes, s.duration, e.connect + e.read + e.write + e.timeout + e.status, latency:percentile(99)))
end`,
  )
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`])
  const connectionArgs = [`-t${threads}`, `-c${perConnection?.length ?? connections}`]
  const child = spawn('wrk', [...connectionArgs, `-d${seconds}s`, ...headerArgs, '-s', scriptFile, url], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  await new Promise((resolve) => child.once('exit', resolve))
  const [requests = 0, bytes = 0, micros = 0, errors = 0, p99 = 0] = (/RESULT (.*)/.exec(output)?.[1] ?? '').split(' ').map(Number)
  if (!micros) throw new Error(`wrk failed: ${output}`)
  return { requests, rps: requests / (micros / 1e6), mbps: bytes / micros, p99: Math.round(p99 / 1000), errors }
}

/** A Lua table constructor: a list of already written values, or a map of strings. */
function luaTable(entries: string[] | Record<string, string>): string {
  if (Array.isArray(entries)) return `{ ${entries.join(', ')} }`
  return `{ ${Object.entries(entries).map(([name, value]) => `[${JSON.stringify(name)}] = ${JSON.stringify(value)}`).join(', ')} }`
}

/** CPU time (user + system, all threads) used so far by these processes, in µs. Linux /proc only. */
export function cpuMicros(pids: number[]): number {
  let ticks = 0
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    ticks += Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15)
  }
  return ticks * 10_000 // USER_HZ is 100 on Linux
}

/** The direct children of a process (nginx's workers under its master). */
export const childPids = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)

/**
 * Lighthouse (mobile, its default simulated throttling: slow 4G, 4x CPU slowdown) on the built
 * server in Debian Chromium, for the landing page, the pricing page and a lesson page:
 *
 *   pnpm bench:lighthouse [--runs 3] [--no-build]
 *
 * The server runs as `pnpm start` runs it (embedded defaults: PGlite in a fresh temp folder, the
 * demo course seeded). The lesson is the demo course's first free-preview video lesson, opened by a
 * visitor: the same lesson page and player a buyer gets. Each page is measured `--runs` times in a
 * fresh headless Chromium (CHROME_PATH, default /usr/bin/chromium); the median score is reported
 * with its LCP and transfer size against the target (performance ≥ 0.95). The machine's load
 * average and Lighthouse's own host benchmark index are printed too: the simulation multiplies
 * the main-thread time it observes (4× by default, `--cpu-slowdown N` to change it), so on a busy
 * machine script evaluation looks far slower than on a phone; transfer sizes and LCP's network part
 * do not depend on the load.
 */
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { buildAll, startBuiltServer, tempDataDir } from './built-server.ts'

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'no-build': { type: 'boolean', default: false }, 'cpu-slowdown': { type: 'string' } },
})
const RUNS = Number(args.runs)
/** Lighthouse's default is 4 (a mid-range phone on an unloaded desktop-class host). */
const CPU_SLOWDOWN = args['cpu-slowdown'] === undefined ? undefined : Number(args['cpu-slowdown'])
const TARGET = 0.95
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'

interface Measurement {
  score: number
  lcpMs: number
  fcpMs: number
  tbtMs: number
  bytes: number
  /** Lighthouse's measure of the host's speed (higher is faster; ~1000+ on an idle desktop). */
  benchmarkIndex: number
}

async function measure(url: string): Promise<Measurement> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      ...(CPU_SLOWDOWN === undefined ? {} : { throttling: { cpuSlowdownMultiplier: CPU_SLOWDOWN } }),
    })
    if (!result) throw new Error(`no Lighthouse result for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
    return {
      score: lhr.categories.performance?.score ?? 0,
      lcpMs: value('largest-contentful-paint'),
      fcpMs: value('first-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      bytes: value('total-byte-weight'),
      benchmarkIndex: lhr.environment.benchmarkIndex,
    }
  } finally {
    await chrome.kill()
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function firstPreviewLesson(url: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ json: { courseSlug: 'premium-cursus' } }))
  const outline = (await (await fetch(`${url}/trpc/course.outline?input=${input}`)).json()) as {
    result: { data: { json: { modules: { lessons: { slug: string; freePreview: boolean; hasVideo: boolean }[] }[] } } }
  }
  const lesson = outline.result.data.json.modules.flatMap((m) => m.lessons).find((l) => l.freePreview && l.hasVideo)
  if (!lesson) throw new Error('the demo course has no free-preview video lesson')
  return `/cursus/premium-cursus/les/${lesson.slug}`
}

if (!args['no-build']) buildAll()
const data = await tempDataDir('lighthouse')
const server = await startBuiltServer(data.dir)
try {
  const pages: Array<[string, string]> = [
    ['landing', '/'],
    ['pricing', '/prijzen'],
    ['lesson', await firstPreviewLesson(server.url)],
  ]
  console.log(`Lighthouse ${RUNS}× per page, mobile (simulated throttling, CPU slowdown ${CPU_SLOWDOWN ?? 'default 4'}×), ${CHROME_PATH}; load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const rows = []
  for (const [name, path] of pages) {
    const runs: Measurement[] = []
    for (let run = 0; run < RUNS; run++) runs.push(await measure(`${server.url}${path}`))
    const score = median(runs.map((r) => r.score))
    rows.push({
      page: `${name} ${path}`,
      score: score.toFixed(2),
      scores: runs.map((r) => r.score.toFixed(2)).join(' '),
      'LCP s': (median(runs.map((r) => r.lcpMs)) / 1000).toFixed(2),
      'FCP s': (median(runs.map((r) => r.fcpMs)) / 1000).toFixed(2),
      'TBT ms': Math.round(median(runs.map((r) => r.tbtMs))),
      'transfer kB': Math.round(median(runs.map((r) => r.bytes)) / 1000),
      'host index': Math.round(median(runs.map((r) => r.benchmarkIndex))),
      [`≥ ${TARGET}`]: score >= TARGET ? 'yes' : 'NO',
    })
  }
  console.table(rows)
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
} finally {
  await server.stop()
  await data.remove()
}

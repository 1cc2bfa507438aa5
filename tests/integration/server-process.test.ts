import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// The server runs here the way `pnpm start` runs it in production: built by apps/server/build.ts
// into apps/server/dist/ (rebuilt by this file, so it never tests a stale bundle) and started with
// `node dist/index.js` on the Node that runs the tests. The web client is built by `pnpm test`.
const serverDir = fileURLToPath(new URL('../../apps/server', import.meta.url))
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))

/** Every server process and temp folder of this file: killed and removed at the end, whatever failed. */
const children = new Set<ChildProcess>()
const tempDirs: string[] = []

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

beforeAll(async () => {
  // ~1 s alone; the budget allows for a 2-core machine busy with the other test workers.
  await promisify(execFile)(tsx, ['build.ts'], { cwd: serverDir, timeout: 60_000 })
}, 90_000)

afterAll(async () => {
  await Promise.all(
    [...children].map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      return exited
    }),
  )
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
}, 30_000)

interface Started {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function startServer(env: Record<string, string>): Started {
  let output = ''
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/index.js'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
  })
  children.add(child)
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function waitForHealth(url: string, started: Started): Promise<void> {
  const until = Date.now() + 60_000
  while (Date.now() < until) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no /healthz within 60 s:\n${started.output()}`)
}

describe('the server process on embedded defaults', () => {
  const dataDir = tempDir('jb-server-')
  const port = 30_000 + Math.floor(Math.random() * 10_000)
  const url = `http://127.0.0.1:${port}`
  let first: Started

  beforeAll(async () => {
    first = startServer({ DATA_DIR: dataDir, PORT: String(port) })
    await waitForHealth(url, first)
  }, 90_000)

  test('creates the data folder with generated secrets and prints the admin password once', async () => {
    const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>
    expect(secrets.sessionSecret!.length).toBeGreaterThanOrEqual(32)
    expect(secrets.encryptionKeys).toMatch(/^k1:[A-Za-z0-9+/]{43}=$/)
    expect(first.output()).toMatch(/wachtwoord: [a-z0-9]{20}/)
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', db: 'ok' })
  })

  test('seeds the Premium Cursus once and streams a free preview by byte range', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { courseSlug: 'premium-cursus' } }))
    const outline = (await (await fetch(`${url}/trpc/course.outline?input=${input}`)).json()) as {
      result: { data: { json: { modules: { lessons: { slug: string; freePreview: boolean }[] }[] } } }
    }
    const lessons = outline.result.data.json.modules.flatMap((m) => m.lessons)
    expect(lessons.length).toBeGreaterThanOrEqual(30)
    const preview = lessons.find((l) => l.freePreview)!
    const lessonInput = encodeURIComponent(JSON.stringify({ json: { courseSlug: 'premium-cursus', lessonSlug: preview.slug } }))
    const lesson = (await (await fetch(`${url}/trpc/lesson.get?input=${lessonInput}`)).json()) as {
      result: { data: { json: { video: { url: string } } } }
    }
    const video = await fetch(`${url}${lesson.result.data.json.video.url}`, { headers: { range: 'bytes=0-1023' } })
    expect(video.status).toBe(206)
    expect(video.headers.get('content-range')).toMatch(/^bytes 0-1023\/\d+$/)
    expect(video.headers.get('content-type')).toBe('video/mp4')
    expect((await video.arrayBuffer()).byteLength).toBe(1024)
  })

  test('the bundle finds the files packages keep next to their code: common passwords are refused', async () => {
    const res = await fetch(`${url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ json: { email: 'common@example.nl', password: 'password1', firstName: 'Eva', lastName: 'Jansen' } }),
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { json: { data: { key: string } } } }).error.json.data.key).toBe('auth.passwordCommon')
  })

  test('serves the built client: index.html never cached, hashed assets immutable for a year', async () => {
    const index = await fetch(`${url}/account`)
    expect(index.status).toBe(200)
    expect(index.headers.get('cache-control')).toBe('no-cache')
    const html = await index.text()
    expect(html).not.toMatch(/<script>(?!<\/script>)/)
    const asset = html.match(/\/assets\/[^"]+\.js/)?.[0]
    expect(asset).toBeTruthy()
    const assetRes = await fetch(`${url}${asset}`)
    expect(assetRes.status).toBe(200)
    expect(assetRes.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await fetch(`${url}/assets/does-not-exist.js`)).status).toBe(404)
  })

  test('a second process on the same PGlite folder refuses with a clear error', async () => {
    const second = startServer({ DATA_DIR: dataDir, PORT: String(port + 1) })
    expect(await second.exited).toBe(1)
    expect(second.output()).toMatch(/is al in gebruik door proces \d+/)
  }, 60_000)

  test('SIGTERM stops gracefully: exit code 0, lock released; a restart keeps data and prints no new password', async () => {
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(readdirSync(join(dataDir, 'pglite'))).not.toContain('.jouwbot.lock')

    const again = startServer({ DATA_DIR: dataDir, PORT: String(port) })
    try {
      await waitForHealth(url, again)
      expect(again.output()).not.toMatch(/wachtwoord:/)
    } finally {
      again.child.kill('SIGTERM')
      expect(await again.exited).toBe(0)
    }
  }, 90_000)
})

test('NODE_ENV=production without database, secrets and mail server refuses to start', async () => {
  const dataDir = tempDir('jb-prod-')
  const started = startServer({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0' })
  expect(await started.exited).toBe(1)
  expect(started.output()).toMatch(/NODE_ENV=production refuses to start without DATABASE_URL, APP_ORIGIN, SESSION_SECRET, ENCRYPTION_KEYS, SMTP_URL/)
  expect(existsSync(join(dataDir, 'pglite'))).toBe(false)
}, 60_000)

import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { request } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb, latestMigrationTag, PREPARED_MARKER, sql } from '@jouwbot/db'
import { budget } from '../helpers/budget.ts'

// The server runs here the way `pnpm start` runs it in production: built by apps/server/build.ts
// into apps/server/dist/ (rebuilt by this file, so it never tests a stale bundle) and started with
// `node dist/index.js` on the Node that runs the tests. The web client is built by `pnpm test`.
const serverDir = fileURLToPath(new URL('../../apps/server', import.meta.url))
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))

/** Every server process and temp folder of this file: killed and removed at the end, whatever failed. */
const children = new Set<ChildProcess>()
/**
 * How long a start may take to answer /healthz. ~5 s alone (PGlite cold start, migrations, seeding);
 * on a 2-core CI machine shared with the other test workers 60 s was once not enough. A start that
 * fails exits, and `waitForHealth` reports that at once, so a generous budget costs nothing then.
 */
const HEALTH_BUDGET_MS = budget(240_000)
const HOOK_BUDGET_MS = HEALTH_BUDGET_MS + 60_000
const tempDirs: string[] = []

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

beforeAll(async () => {
  // ~1 s alone; the budget allows for a 2-core machine busy with the other test workers.
  await promisify(execFile)(tsx, ['build.ts'], { cwd: serverDir, timeout: budget(60_000) })
}, budget(90_000))

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
}, budget(30_000))

interface Started {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function startServer(env: Record<string, string>): Started {
  let output = ''
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/index.js'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', DEMO_VIDEOS: 'off', ...env },
  })
  children.add(child)
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

/** The server's JSON log lines (pino: every line names the process that wrote it). */
function logLines(started: Started): { pid: number; msg: string; preparer?: number }[] {
  return started
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { pid: number; msg: string; preparer?: number })
}

/** GET over the Unix socket `file`. */
function getOverSocket(file: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ socketPath: file, path }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body }))
    })
      .on('error', reject)
      .end()
  })
}

async function waitForHealth(url: string, started: Started): Promise<void> {
  const until = Date.now() + HEALTH_BUDGET_MS
  while (Date.now() < until) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no /healthz within ${HEALTH_BUDGET_MS / 1000} s:\n${started.output()}`)
}

describe('the server process on embedded defaults', () => {
  const dataDir = tempDir('jb-server-')
  const port = 30_000 + Math.floor(Math.random() * 10_000)
  const url = `http://127.0.0.1:${port}`
  const socketFile = join(tempDir('jb-socket-'), 'app.sock')
  let first: Started

  beforeAll(async () => {
    // As the root `pnpm start` runs it: the dev mailbox on, for this machine only. Info lines name who prepared the folder.
    first = startServer({ DATA_DIR: dataDir, PORT: String(port), DEV_MAILBOX: 'on', LOG_LEVEL: 'info', LISTEN_SOCKET: socketFile })
    await waitForHealth(url, first)
  }, HOOK_BUDGET_MS)

  test('creates the data folder with generated secrets and prints the admin password once', async () => {
    const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>
    expect(secrets.sessionSecret!.length).toBeGreaterThanOrEqual(32)
    expect(secrets.encryptionKeys).toMatch(/^k1:[A-Za-z0-9+/]{43}=$/)
    expect(first.output()).toMatch(/wachtwoord: [a-z0-9]{20}/)
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', db: 'ok' })
  })

  test('the first start prepares the data folder in a child process of its own, and marks it prepared', () => {
    const server = first.child.pid!
    const lines = logLines(first)
    const prepared = lines.find((line) => line.msg === 'data folder prepared')
    expect(prepared?.pid).toBe(server)
    const preparer = prepared!.preparer!
    expect(preparer).not.toBe(server)
    // The preparation's work was logged by the child; the server found it done.
    const seeded = lines.filter((line) => ['privacy statement version published', 'demo course seeded', 'demo blog posts seeded'].includes(line.msg))
    expect(seeded.map((line) => line.pid)).toEqual([preparer, preparer, preparer])
    expect(lines.find((line) => line.msg === 'Jouw Bot is listening')?.pid).toBe(server)
    const marker = JSON.parse(readFileSync(join(dataDir, 'pglite', PREPARED_MARKER), 'utf8')) as { migration: string }
    expect(marker.migration).toBe(latestMigrationTag())
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

  test('the dev mailbox answers this machine, and not a request a proxy passed on', async () => {
    expect((await fetch(`${url}/trpc/devMailbox.list`)).status).toBe(200)
    expect((await fetch(`${url}/trpc/devMailbox.list`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(404)
  })

  test('LISTEN_SOCKET: the same server answers over its Unix socket, where no peer counts as this machine', async () => {
    expect(await getOverSocket(socketFile, '/healthz')).toEqual({ status: 200, body: '{"status":"ok","db":"ok"}' })
    // nginx passes on anyone's request over the socket: the dev mailbox does not answer it.
    expect((await getOverSocket(socketFile, '/trpc/devMailbox.list')).status).toBe(404)
  })

  test('a second process on the same PGlite folder refuses with a clear error', async () => {
    const second = startServer({ DATA_DIR: dataDir, PORT: String(port + 1) })
    expect(await second.exited).toBe(1)
    expect(second.output()).toMatch(/is al in gebruik door proces \d+/)
  }, budget(60_000))

  test('SIGTERM stops gracefully: exit code 0, lock released, socket file removed; a restart keeps data and prints no new password', async () => {
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(readdirSync(join(dataDir, 'pglite'))).not.toContain('.jouwbot.lock')
    expect(existsSync(socketFile)).toBe(false)

    const marker = readFileSync(join(dataDir, 'pglite', PREPARED_MARKER), 'utf8')
    const again = startServer({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' })
    try {
      await waitForHealth(url, again)
      expect(again.output()).not.toMatch(/wachtwoord:/)
      // No preparation on a prepared folder: no child, every line from the server itself, the marker untouched.
      const lines = logLines(again)
      expect(lines.find((line) => line.msg === 'Jouw Bot is listening')).toBeDefined()
      expect(lines.filter((line) => line.pid !== again.child.pid || line.preparer !== undefined)).toEqual([])
      expect(readFileSync(join(dataDir, 'pglite', PREPARED_MARKER), 'utf8')).toBe(marker)
    } finally {
      again.child.kill('SIGTERM')
      expect(await again.exited).toBe(0)
    }
  }, HOOK_BUDGET_MS)
})

test('a failing migration on a first start: exit code 1, a clear Dutch message, no lock or marker left, and the next start tries again', async () => {
  const dataDir = tempDir('jb-prepare-fails-')
  const folder = join(dataDir, 'pglite')
  /** Opens the folder in this process (the server is not running) to break or repair it. */
  async function onFolder(statement: ReturnType<typeof sql>): Promise<void> {
    const handle = await createDb(folder)
    try {
      await handle.db.execute(statement)
    } finally {
      await handle.close()
    }
  }
  // A table the first migration creates already exists: that migration fails.
  await onFolder(sql`create table users (id integer)`)

  const failed = startServer({ DATA_DIR: dataDir, PORT: '0' })
  expect(await failed.exited).toBe(1)
  expect(failed.output()).toMatch(/Het voorbereiden van de datamap \S+pglite is mislukt \(database, migraties, demo-inhoud; proces \d+\):/)
  expect(failed.output()).toMatch(/relation "users" already exists/)
  expect(failed.output()).toMatch(/Er is niets als klaar gemarkeerd: los de oorzaak op en start opnieuw/)
  expect(readdirSync(folder)).not.toContain('.jouwbot.lock')
  expect(readdirSync(folder)).not.toContain(PREPARED_MARKER)

  // Repaired, the next start prepares the folder again (in its child) and serves.
  await onFolder(sql`drop table users`)
  const port = 40_000 + Math.floor(Math.random() * 10_000)
  const repaired = startServer({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' })
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, repaired)
    expect(repaired.output()).toMatch(/wachtwoord: [a-z0-9]{20}/)
    expect(logLines(repaired).find((line) => line.msg === 'data folder prepared')?.preparer).not.toBe(repaired.child.pid)
    expect(readdirSync(folder)).toContain(PREPARED_MARKER)
  } finally {
    repaired.child.kill('SIGTERM')
    expect(await repaired.exited).toBe(0)
  }
}, HOOK_BUDGET_MS + budget(120_000))

test('with a DATABASE_URL that cannot be reached the start fails: no embedded database instead, no preparation', async () => {
  const dataDir = tempDir('jb-no-postgres-')
  const started = startServer({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/jouwbot', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' })
  expect(await started.exited).toBe(1)
  expect(started.output()).toMatch(/ECONNREFUSED/)
  expect(started.output()).not.toMatch(/embedded PGlite|preparing the data folder/)
  expect(existsSync(join(dataDir, 'pglite'))).toBe(false)
}, budget(60_000))

// PostgreSQL runs only (TEST_DATABASE_URL; CI runs this file on both databases): production's way to start.
if (process.env.TEST_DATABASE_URL) {
  test('with DATABASE_URL the server migrates and seeds an empty PostgreSQL database in its own process, no data folder', async () => {
    const adminUrl = new URL(process.env.TEST_DATABASE_URL!)
    const name = `${adminUrl.pathname.slice(1) || 'jouwbot_test'}_server_process`
    adminUrl.pathname = '/postgres'
    const admin = await createDb(adminUrl.toString(), { max: 1 })
    const run = (statement: string) => admin.db.execute(sql.raw(statement))
    const databaseUrl = new URL(process.env.TEST_DATABASE_URL!)
    databaseUrl.pathname = `/${name}`
    const dataDir = tempDir('jb-postgres-')
    const port = 40_000 + Math.floor(Math.random() * 10_000)
    try {
      await run(`drop database if exists "${name}" with (force)`)
      await run(`create database "${name}"`)
      const started = startServer({ DATABASE_URL: databaseUrl.toString(), DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' })
      try {
        await waitForHealth(`http://127.0.0.1:${port}`, started)
        expect(started.output()).toMatch(/wachtwoord: [a-z0-9]{20}/)
        const lines = logLines(started)
        expect(lines.filter((line) => line.msg === 'demo course seeded').map((line) => line.pid)).toEqual([started.child.pid])
        expect(lines.filter((line) => line.pid !== started.child.pid || line.preparer !== undefined)).toEqual([])
        expect(existsSync(join(dataDir, 'pglite'))).toBe(false)
      } finally {
        started.child.kill('SIGTERM')
        expect(await started.exited, started.output()).toBe(0)
      }
    } finally {
      await run(`drop database if exists "${name}" with (force)`)
      await admin.close()
    }
  }, HOOK_BUDGET_MS)
}

test('NODE_ENV=production without database, secrets and mail server refuses to start', async () => {
  const dataDir = tempDir('jb-prod-')
  const started = startServer({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0' })
  expect(await started.exited).toBe(1)
  expect(started.output()).toMatch(/NODE_ENV=production refuses to start without DATABASE_URL, APP_ORIGIN, SESSION_SECRET, ENCRYPTION_KEYS, SMTP_URL/)
  expect(existsSync(join(dataDir, 'pglite'))).toBe(false)
}, budget(60_000))

test('the dev mailbox on a server others can reach refuses to start', async () => {
  const dataDir = tempDir('jb-mailbox-')
  const started = startServer({ DEV_MAILBOX: 'on', HOST: '0.0.0.0', DATA_DIR: dataDir, PORT: '0' })
  expect(await started.exited).toBe(1)
  expect(started.output()).toMatch(/DEV_MAILBOX=on refused: HOST=0\.0\.0\.0 is not a loopback address/)
  expect(existsSync(join(dataDir, 'pglite'))).toBe(false)
}, budget(60_000))

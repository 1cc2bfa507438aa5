import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const repo = join(import.meta.dirname, '../..')

/**
 * The drizzle schema and the committed migrations describe the same database: drizzle-kit, run on a
 * copy of `drizzle/`, finds nothing to generate. Fails when a schema change lands without its
 * migration, or when merged branches left the snapshot chain behind the schema.
 */
test('drizzle-kit finds no schema change missing from the migrations', async () => {
  // drizzle-kit resolves --out against the working directory, so the copy lives inside the repo.
  const dir = await mkdtemp(join(repo, '.migrations-check-'))
  try {
    await cp(join(repo, 'drizzle'), join(dir, 'drizzle'), { recursive: true })
    const before = await readdir(join(dir, 'drizzle'))
    const { stdout } = await promisify(execFile)(
      join(repo, 'node_modules/.bin/drizzle-kit'),
      ['generate', '--dialect', 'postgresql', '--schema', './packages/db/src/schema/index.ts',
        '--out', relative(repo, join(dir, 'drizzle')), '--casing', 'snake_case'],
      { cwd: repo, timeout: 120_000 },
    )
    expect(await readdir(join(dir, 'drizzle'))).toEqual(before)
    expect(stdout).toContain('No schema changes')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

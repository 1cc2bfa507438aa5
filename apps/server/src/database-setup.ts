import type { AppDeps } from '@jouwbot/api'
import { seedAdmin } from '@jouwbot/api/auth'
import { seedPrivacyPolicy } from '@jouwbot/api/privacy'
import { migrate, type DatabaseHandle } from '@jouwbot/db'
import type { Storage } from '@jouwbot/storage'
import { seedDemoContent, type DemoLogger } from './demo-content.ts'
import type { Env } from './env.ts'

/** What the migrations and seeds need: a subset of AppDeps, so the preparation child builds only these. */
export type SetUpDeps = Pick<AppDeps, 'db' | 'clock' | 'appOrigin' | 'seller' | 'courses' | 'onMailQueued'>

/**
 * Migrations, the shipped privacy statement versions, the first admin and (outside production) the
 * demo content. Each step is idempotent: run at every start, it does real work only on a new or
 * upgraded database. On the embedded database the first start runs it in a child process first
 * (prepare.ts), so the server's own run finds nothing left to do.
 */
export async function setUpDatabase(
  handle: DatabaseHandle,
  deps: SetUpDeps,
  env: Pick<Env, 'NODE_ENV' | 'ADMIN_EMAIL'>,
  options: { storage: Storage; logger: DemoLogger },
): Promise<void> {
  await migrate(handle)
  // Before the first admin exists, so a fresh install mails nobody (a new version mails every member once).
  const policy = await seedPrivacyPolicy(deps)
  if (policy.published) options.logger.info({ version: policy.published }, 'privacy statement version published')
  const admin = await seedAdmin(deps, env.ADMIN_EMAIL)
  if (admin) {
    // Printed once, on the first start only; it is not stored anywhere in readable form.
    console.log(
      `\n  First admin account created — write this down, it is shown only once:\n` +
        `    e-mail:     ${admin.email}\n    wachtwoord: ${admin.password}\n`,
    )
  }
  // Demo content, once: the Premium Cursus with its sample videos, the shop, the blog (never in production).
  await seedDemoContent(deps, env, options)
}

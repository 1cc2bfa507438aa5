import { ConfigError, loadEnv } from './env.ts'
import { boot } from './boot.ts'

async function main(): Promise<void> {
  const env = loadEnv()
  const server = await boot(env)
  const shutdown = (signal: string) => {
    console.log(`${signal} received, stopping…`)
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || (error instanceof Error && ['DataDirLockedError', 'PrepareError'].includes(error.name))) {
    console.error(`\n${error.message}\n`)
  } else {
    console.error(error)
  }
  process.exit(1)
})

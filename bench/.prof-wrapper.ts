import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 100 })
let n = 0
process.on('SIGUSR2', () => void session.post('Profiler.start'))
process.on('SIGHUP', async () => {
  const { profile } = await session.post('Profiler.stop')
  writeFileSync(`/tmp/reqcost/p${n++}.cpuprofile`, JSON.stringify(profile))
})
await import('./outline-server.ts')

import { createAppDeps, type AppDeps } from '@jouwbot/api'
import { generateEncryptionKey, systemClock } from '@jouwbot/auth'
import type { Db } from '@jouwbot/db'
import type { Storage } from '@jouwbot/storage'

/** The media secret of every bench app unless it passes its own (bench:media hands one to nginx's side). */
export const BENCH_MEDIA_SECRET = 'bench-media-secret-bench-media-secret-0000'

/**
 * The app's dependencies as the benches run them: a real database and storage, fixed secrets, no
 * dev mailbox. The benches never pay or check VAT numbers: those gateways are left empty.
 */
export function benchDeps(db: Db, storage: Storage, mediaSecret = BENCH_MEDIA_SECRET): AppDeps {
  type DepsConfig = Parameters<typeof createAppDeps>[0]
  return createAppDeps({
    payments: {} as DepsConfig['payments'],
    mollieWebhookUrl: undefined,
    vatChecker: {} as DepsConfig['vatChecker'],
    seller: { name: 'Bench', addressLines: [], country: 'NL', kvkNumber: '0', vatNumber: 'NL000000000B00', iban: null, email: 'bench@example.nl' },
    db,
    sessionSecret: 'bench-session-secret-bench-session-secret',
    encryptionKeys: generateEncryptionKey('bench'),
    appOrigin: 'http://127.0.0.1',
    devMailbox: false,
    storage,
    mediaSecret,
    clock: systemClock,
  })
}

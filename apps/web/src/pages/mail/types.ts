import type { RouterOutputs } from '../../lib/trpc.ts'

export type MailRow = RouterOutputs['devMailbox']['list'][number]

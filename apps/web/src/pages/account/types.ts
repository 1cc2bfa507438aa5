import type { RouterOutputs } from '../../lib/trpc.ts'

export type SessionRow = RouterOutputs['auth']['sessions'][number]
export type TwoFactorSetup = RouterOutputs['twoFactor']['setup']

import { publicProcedure, router } from '../trpc.ts'
import { publicSeller } from './public-seller.ts'

export const systemRouter = router({
  /** The cheapest possible query: a liveness check for clients, and the benchmarks' baseline. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
  /** The seller's name, address, KvK, VAT number and e-mail for the terms page (no IBAN). */
  seller: publicProcedure.query(({ ctx }) => publicSeller(ctx.deps)),
})

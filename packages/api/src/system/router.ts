import { router, sessionlessProcedure } from '../trpc.ts'
import { publicSeller } from './public-seller.ts'

export const systemRouter = router({
  /** The cheapest possible query: a liveness check for clients, and the benchmarks' baseline (no session query). */
  ping: sessionlessProcedure.query(() => ({ ok: true as const })),
  /** The seller's name, address, KvK, VAT number and e-mail for the terms page (no IBAN). */
  seller: sessionlessProcedure.query(({ ctx }) => publicSeller(ctx.deps)),
})

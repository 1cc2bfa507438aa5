import { publicProcedure, router } from '../trpc.ts'

export const systemRouter = router({
  /** The cheapest possible query: a liveness check for clients, and the benchmarks' baseline. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
})

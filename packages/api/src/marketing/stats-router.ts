import { statsDashboardInput } from '@jouwbot/shared'
import { adminProcedure, router } from '../trpc.ts'
import { getStatsDashboard } from './stats/get-stats-dashboard.ts'

/** `admin.stats.*`: the statistics dashboard (admins with 2FA, like every staff procedure). */
export const adminStatsRouter = router({
  dashboard: adminProcedure.input(statsDashboardInput).query(({ ctx, input }) => getStatsDashboard(ctx.deps, input)),
})

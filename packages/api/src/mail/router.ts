import { publicProcedure, router } from '../trpc.ts'
import { listDevMails } from './list-mails.ts'

export const devMailboxRouter = router({
  list: publicProcedure.query(({ ctx }) => listDevMails(ctx.deps, { local: ctx.request.local === true })),
})

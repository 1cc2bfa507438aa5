import { accountRouter } from './account/router.ts'
import { authRouter } from './auth/router.ts'
import { devMailboxRouter } from './dev-mailbox/router.ts'
import { createCallerFactory, router } from './trpc.ts'
import { twoFactorRouter } from './two-factor/router.ts'

export const appRouter = router({
  auth: authRouter,
  twoFactor: twoFactorRouter,
  account: accountRouter,
  devMailbox: devMailboxRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)

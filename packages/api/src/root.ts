import { accountRouter } from './account/router.ts'
import { adminRouter } from './admin/router.ts'
import { checkoutRouter } from './checkout/router.ts'
import { certificateRouter, courseRouter, lessonRouter } from './courses/router.ts'
import { authRouter } from './auth/router.ts'
import { devMailboxRouter } from './dev-mailbox/router.ts'
import { systemRouter } from './system/router.ts'
import { createCallerFactory, router } from './trpc.ts'
import { twoFactorRouter } from './two-factor/router.ts'

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  twoFactor: twoFactorRouter,
  account: accountRouter,
  devMailbox: devMailboxRouter,
  course: courseRouter,
  lesson: lessonRouter,
  certificate: certificateRouter,
  checkout: checkoutRouter,
  admin: adminRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)

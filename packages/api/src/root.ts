import { accountRouter } from './account/router.ts'
import { adminCheckoutRouter, checkoutRouter } from './checkout/router.ts'
import { adminCoachingRouter, coachingRouter } from './coaching/router.ts'
import { coursesAdminRouters } from './courses/admin-router.ts'
import { certificateRouter, courseRouter, lessonRouter } from './courses/router.ts'
import { authRouter } from './auth/router.ts'
import { devMailboxRouter } from './mail/router.ts'
import { systemRouter } from './system/router.ts'
import { createCallerFactory, router } from './trpc.ts'
import { twoFactorRouter } from './auth/two-factor-router.ts'

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
  coaching: coachingRouter,
  admin: router({ checkout: adminCheckoutRouter, coaching: adminCoachingRouter, ...coursesAdminRouters }),
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)

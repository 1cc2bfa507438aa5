import { accountRouter } from './account/router.ts'
import { adminCheckoutRouter, checkoutRouter } from './checkout/router.ts'
import { adminCoachingRouter, coachingRouter } from './coaching/router.ts'
import { coursesAdminRouters } from './courses/admin-router.ts'
import { certificateRouter, courseRouter, lessonRouter } from './courses/router.ts'
import { authRouter } from './auth/router.ts'
import { devMailboxRouter } from './mail/router.ts'
import { adminPrivacyRouter, privacyRouter } from './privacy/router.ts'
import { systemRouter } from './system/router.ts'
import { createCallerFactory, mergeRouters, router } from './trpc.ts'
import { twoFactorRouter } from './auth/two-factor-router.ts'
import { adminPrivacyRightsRouter, privacyRightsRouter } from './privacy/rights-router.ts'
import { adminStatsRouter } from './marketing/stats-router.ts'
import { adminMarketingRouter, marketingRouter } from './marketing/router.ts'
import { adminBlogRouter, blogRouter } from './marketing/blog-router.ts'
import { chatRouter } from './marketing/chat-router.ts'

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
  // privacy: the registry's procedures (policy, consent, retention) and the rights procedures (privacy-rights)
  privacy: mergeRouters(privacyRouter, privacyRightsRouter),
  coaching: coachingRouter,
  marketing: marketingRouter,
  blog: blogRouter,
  // marketing (Messenger chat)
  chat: chatRouter,
  admin: router({
    checkout: adminCheckoutRouter,
    privacy: mergeRouters(adminPrivacyRouter, adminPrivacyRightsRouter),
    coaching: adminCoachingRouter,
    marketing: adminMarketingRouter,
    ...coursesAdminRouters,
    // marketing (statistics)
    stats: adminStatsRouter,
    blog: adminBlogRouter,
  }),
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)

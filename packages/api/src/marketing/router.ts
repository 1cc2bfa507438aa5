import { mergeRouters } from '../trpc.ts'
import { adminNewsletterRouter, newsletterRouter } from './newsletter-router.ts'

/** The marketing domain's routers (`marketing.*`, `admin.marketing.*`): newsletter and e-book; the blog merges in beside them. */
export const marketingRouter = mergeRouters(newsletterRouter)
export const adminMarketingRouter = mergeRouters(adminNewsletterRouter)

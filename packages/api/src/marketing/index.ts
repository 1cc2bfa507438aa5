/** The marketing domain's entry point (`@jouwbot/api/marketing`) for jobs and HTTP routes. */
export { authorizeEbookDownload } from './authorize-ebook-download.ts'
export { unsubscribeNewsletter } from './unsubscribe-newsletter.ts'
export { recordBounce } from './record-bounce.ts'
export { sendDueNewsletters, newsletterHeaders, NEWSLETTER_TEMPLATE, type SendStep } from './send-newsletter.ts'
export { defaultNewsletterSettings, marketingRateLimits } from './links.ts'

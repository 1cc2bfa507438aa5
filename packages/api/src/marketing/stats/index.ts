/** Marketing (statistics): the entry point for jobs, HTTP routes and the other marketing services (`@jouwbot/api/marketing-stats`). */
export { recordStatEvent, type RecordStatEventInput, type StatVisitor } from './record-stat-event.ts'
export { recordPageView, pageViewRateLimit, type PageViewOutcome, type RecordPageViewInput } from './record-page-view.ts'
export { aggregateStatsDay, rollUpStats } from './aggregate-stats-day.ts'
export { getStatsDashboard, type StatsDashboard } from './get-stats-dashboard.ts'
export { statsDay, addDays, isBot } from './stats-day.ts'
export { cookielessCountingAnnounced, statisticsPolicyText, COOKIELESS_SENTENCE_EN, COOKIELESS_SENTENCE_NL } from './statistics-policy.ts'

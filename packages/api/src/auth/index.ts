/** The auth domain's entry point for boot, jobs and tests (`@jouwbot/api/auth`). */
export { cleanUpExpired } from './clean-up-expired.ts'
export { seedAdmin } from './seed-admin.ts'

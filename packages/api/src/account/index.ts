/** The account domain's entry point (`@jouwbot/api/account`). */
export { updateProfile } from './update-profile.ts'

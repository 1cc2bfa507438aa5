import type { UserRow } from '@jouwbot/auth'
import { grantCourseAccess } from '../access.ts'
import type { AppDeps } from '../../deps.ts'
import { changeManualGrant } from './change-manual-grant.ts'

/** Until checkout exists, admins grant access by hand; checkout will call the same grant service. */
export function grantAccessByAdmin(deps: AppDeps, admin: UserRow, input: { email: string; courseSlug: string }) {
  return changeManualGrant(deps, admin, input, grantCourseAccess)
}

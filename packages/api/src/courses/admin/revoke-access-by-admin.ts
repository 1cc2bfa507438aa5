import type { UserRow } from '@jouwbot/auth'
import { revokeCourseAccess } from '../access.ts'
import type { AppDeps } from '../../deps.ts'
import { changeManualGrant } from './change-manual-grant.ts'

export function revokeAccessByAdmin(deps: AppDeps, admin: UserRow, input: { email: string; courseSlug: string }) {
  return changeManualGrant(deps, admin, input, revokeCourseAccess)
}

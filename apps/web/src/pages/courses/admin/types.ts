import type { RouterOutputs } from '../../../lib/trpc.ts'

export type AdminCourseRow = RouterOutputs['admin']['courses']['list'][number]
export type AdminCourse = RouterOutputs['admin']['courses']['get']
export type AdminModule = AdminCourse['modules'][number]
export type AdminLesson = AdminModule['lessons'][number]
export type CourseMemberRow = RouterOutputs['admin']['courseAccess']['members']['members'][number]

import type { TRPCClient } from '@trpc/client'
import type { AppRouter } from '../../../lib/trpc.ts'

type Client = TRPCClient<AppRouter>
export type AdminCourseRow = Awaited<ReturnType<Client['admin']['courses']['list']['query']>>[number]
export type AdminCourse = Awaited<ReturnType<Client['admin']['courses']['get']['query']>>
export type AdminModule = AdminCourse['modules'][number]
export type AdminLesson = AdminModule['lessons'][number]

import type { RouterOutputs } from '../../lib/trpc.ts'

export type StaffAccessRow = RouterOutputs['privacy']['staffAccess'][number]
export type MyPrivacyRequest = RouterOutputs['privacy']['myRequests'][number]
export type MyDataExport = RouterOutputs['privacy']['exports'][number]
export type AdminPrivacyRequest = RouterOutputs['admin']['privacy']['requests']['requests'][number]
export type StaffAccount = RouterOutputs['admin']['privacy']['staff']['staff'][number]

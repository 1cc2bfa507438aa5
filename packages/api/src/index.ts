/** The API as a whole (`@jouwbot/api`): router, context, deps. Each domain has its own entry point (`@jouwbot/api/<domain>`). */
export { appRouter, createCaller, type AppRouter } from './root.ts'
export { createContextInner, type Context, type Viewer, type RequestMeta, type SessionCookies } from './context.ts'
export { createAppDeps, type AppDeps, type AppDepsConfig } from './deps.ts'
export { inTransaction, type TxDeps } from './transaction.ts'
export { recordAudit } from './audit/record-audit.ts'

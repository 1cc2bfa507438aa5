export { appRouter, createCaller, type AppRouter } from './root.ts'
export { createContextInner, type Context, type RequestMeta, type SessionCookies } from './context.ts'
export type { AppDeps } from './deps.ts'

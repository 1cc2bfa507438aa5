import './zod-errors.ts'
export * from './auth.ts'
export * from './errors.ts'
export * from './courses.ts'

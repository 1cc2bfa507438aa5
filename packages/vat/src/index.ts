export * from './number.ts'
export * from './checker.ts'
export * from './vies.ts'

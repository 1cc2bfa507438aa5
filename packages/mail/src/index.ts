export * from './deliver.ts'
export * from './outbox.ts'
export * from './templates.ts'
export * from './transport.ts'

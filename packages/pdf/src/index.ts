export * from './certificate.ts'
export * from './invoice-document.ts'
export * from './invoice.ts'

/** The privacy domain's entry point (`@jouwbot/api/privacy`). */
export * from './registry.ts'
export { checkRegistry, type SchemaShape } from './check-registry.ts'
export { schemaTables, type SchemaTable } from './schema-tables.ts'
// privacy-rights: services for jobs and HTTP routes
export { authorizeExportDownload, buildPendingDataExports, expireDataExports } from './data-exports.ts'
export { eraseAccount, eraseDueAccounts, ERASURE_STEPS, type ErasureStep } from './account-erasure.ts'

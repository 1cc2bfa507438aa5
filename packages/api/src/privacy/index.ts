/** The privacy domain's entry point (`@jouwbot/api/privacy`). */
export * from './registry.ts'
export { checkRegistry, type SchemaShape } from './check-registry.ts'
export { schemaTables, type SchemaTable } from './schema-tables.ts'

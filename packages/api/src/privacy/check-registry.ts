import {
  cookies,
  nonPersonalColumns,
  personalDataCategories,
  retentionRules,
  tablesFreeOfPersonalData,
  type ErasureAction,
  type RetentionRule,
  type SubjectLink,
  type TableLocation,
} from './registry.ts'

const REGISTRY = 'packages/api/src/privacy/registry.ts'

/** The schema as the check sees it: SQL table name → SQL column names. */
export type SchemaShape = Map<string, string[]>

/**
 * Compares the registry with the schema. Returns one message per problem, each saying exactly what to
 * add or remove; empty when every table and column is accounted for.
 */
export function checkRegistry(schema: SchemaShape): string[] {
  const problems: string[] = []
  const locations = personalDataCategories.flatMap((c) =>
    c.stored.filter((l): l is TableLocation => 'table' in l).map((l) => ({ ...l, category: c.id })),
  )
  const personalByTable = new Map<string, Map<string, string>>()
  for (const location of locations) {
    const columns = personalByTable.get(location.table) ?? new Map<string, string>()
    for (const column of location.columns) columns.set(column, location.category)
    personalByTable.set(location.table, columns)
  }

  for (const [table, columns] of schema) {
    const free = tablesFreeOfPersonalData[table]
    const personal = personalByTable.get(table)
    const plain = nonPersonalColumns[table]
    if (free !== undefined) {
      if (personal || plain) {
        problems.push(`Table "${table}" is declared free of personal data in tablesFreeOfPersonalData, but also registered as holding some: keep one of the two in ${REGISTRY}.`)
      }
      continue
    }
    if (!personal && !plain) {
      problems.push(
        [
          `Table "${table}" is not in the privacy registry (${REGISTRY}). Add ONE of:`,
          `  • if it holds personal data: a location in the fitting category of personalDataCategories (or a new category with purpose, legal basis, recipients, retention), e.g.`,
          `      { table: '${table}', columns: [${columns.map((c) => `'${c}'`).join(', ')}], subject: { userColumn: 'user_id' }, retention: { kind: 'account_lifetime' }, erasure: { action: 'delete' } },`,
          `    keeping in "columns" only the personal ones and listing the others as nonPersonalColumns['${table}']: ['id', …];`,
          `  • if it holds none: tablesFreeOfPersonalData['${table}']: '<why it holds no personal data>'.`,
        ].join('\n'),
      )
      continue
    }
    for (const column of columns) {
      const inCategory = personal?.has(column) ?? false
      const inPlain = plain?.includes(column) ?? false
      if (!inCategory && !inPlain) {
        problems.push(
          `Column "${table}.${column}" is not in the privacy registry (${REGISTRY}): add '${column}' to the columns of a location of table "${table}" in personalDataCategories if it is personal data, otherwise to nonPersonalColumns['${table}'].`,
        )
      }
      if (inCategory && inPlain) {
        problems.push(`Column "${table}.${column}" is both personal (category "${personal?.get(column)}") and in nonPersonalColumns['${table}']: remove it from one of them.`)
      }
    }
  }

  // Stale or mistyped entries: everything the registry names must exist.
  const hasColumn = (table: string, column: string) => schema.get(table)?.includes(column) ?? false
  const requireTable = (table: string, where: string) => {
    if (!schema.has(table)) problems.push(`${where} names table "${table}", which the schema does not have: fix or remove it in ${REGISTRY}.`)
  }
  const requireColumn = (table: string, column: string, where: string) => {
    if (schema.has(table) && !hasColumn(table, column)) {
      problems.push(`${where} names column "${table}.${column}", which the schema does not have: fix or remove it in ${REGISTRY}.`)
    }
  }
  for (const table of Object.keys(tablesFreeOfPersonalData)) requireTable(table, 'tablesFreeOfPersonalData')
  for (const [table, columns] of Object.entries(nonPersonalColumns)) {
    requireTable(table, 'nonPersonalColumns')
    for (const column of columns) requireColumn(table, column, 'nonPersonalColumns')
  }
  for (const location of locations) {
    const where = `Category "${location.category}"`
    requireTable(location.table, where)
    for (const column of location.columns) requireColumn(location.table, column, where)
    for (const column of subjectColumns(location.subject)) requireColumn(location.table, column, `${where} (subject)`)
    for (const [table, column] of referencedByRetention(location.retention, location.table)) {
      requireTable(table, `${where} (retention)`)
      if (column) requireColumn(table, column, `${where} (retention)`)
    }
    for (const [table, column] of referencedByErasure(location.erasure, location.table)) {
      requireTable(table, `${where} (erasure)`)
      if (column) requireColumn(table, column, `${where} (erasure)`)
    }
    if ('parent' in location.subject) requireTable(location.subject.parent.table, `${where} (subject)`)
  }
  for (const [id, rule] of Object.entries(retentionRules)) {
    for (const table of rule.tables) requireTable(table, `Retention rule "${id}"`)
  }
  const cookieNames = cookies.map((c) => c.name)
  for (const name of new Set(cookieNames)) {
    if (cookieNames.filter((n) => n === name).length > 1) problems.push(`Cookie "${name}" is declared twice in ${REGISTRY}.`)
  }
  return problems
}

function subjectColumns(subject: SubjectLink): string[] {
  if ('userColumn' in subject) return [subject.userColumn]
  if ('emailColumn' in subject) return [subject.emailColumn]
  if ('parent' in subject) return [subject.parent.column]
  return []
}

function referencedByRetention(rule: RetentionRule, table: string): [string, string | null][] {
  if (rule.kind === 'until_expiry') return [[table, rule.column]]
  if (rule.kind === 'with_parent') return [[rule.table, null]]
  return []
}

function referencedByErasure(erasure: ErasureAction, table: string): [string, string | null][] {
  switch (erasure.action) {
    case 'delete':
      return []
    case 'anonymise':
      return Object.keys(erasure.set).map((column) => [table, column])
    case 'keep':
      return erasure.unlink.map((column) => [table, column])
    case 'with_parent':
      return [[erasure.table, null]]
  }
}

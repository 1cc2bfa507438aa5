import { describe, expect, it } from 'vitest'
import { checkRegistry, type SchemaShape } from './check-registry.ts'
import { categoryIds, consentPurposes, legalBases, personalDataCategories, recipients, retentionRules } from './registry.ts'
import { schemaTables } from '@jouwbot/db'
import { processorPlan, processorTaskRefs } from './tell-processors.ts'

function currentSchema(): SchemaShape {
  return new Map([...schemaTables()].map(([name, table]) => [name, [...table.columns.keys()]]))
}

describe('privacy registry', () => {
  it('accounts for every table and column of the drizzle schema', () => {
    const problems = checkRegistry(currentSchema())
    // The messages say exactly what to add to registry.ts.
    expect(problems, problems.join('\n\n')).toEqual([])
  })

  it('sees the real schema (snake_case names, the personal-data tables)', () => {
    const schema = currentSchema()
    expect(schema.get('users')).toEqual(expect.arrayContaining(['first_name', 'last_name', 'email', 'password_hash']))
    expect(schema.get('orders')).toEqual(expect.arrayContaining(['buyer_email', 'billing', 'vat_number_encrypted']))
    expect(schema.size).toBeGreaterThan(25)
  })

  it('fails, naming what to add, for a new table nobody registered', () => {
    const schema = currentSchema()
    schema.set('gift_wishes', ['id', 'user_id', 'notes'])
    const problems = checkRegistry(schema)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('Table "gift_wishes" is not in the privacy registry')
    expect(problems[0]).toContain("{ table: 'gift_wishes', columns: ['id', 'user_id', 'notes']")
    expect(problems[0]).toContain("tablesFreeOfPersonalData['gift_wishes']")
  })

  it('fails for a new column in a registered table', () => {
    const schema = currentSchema()
    schema.set('orders', [...(schema.get('orders') ?? []), 'gift_message'])
    expect(checkRegistry(schema)).toEqual([
      expect.stringContaining(`add 'gift_message' to the columns of a location of table "orders" in personalDataCategories`),
    ])
  })

  it('fails for a registered column the schema no longer has', () => {
    const schema = currentSchema()
    schema.set('users', (schema.get('users') ?? []).filter((c) => c !== 'last_name'))
    expect(checkRegistry(schema)).toEqual([expect.stringContaining('names column "users.last_name", which the schema does not have')])
  })

  it('declares each category once, with a legal basis, recipients and texts in both languages', () => {
    expect(personalDataCategories.map((c) => c.id).sort()).toEqual([...categoryIds].sort())
    for (const category of personalDataCategories) {
      expect(legalBases).toContain(category.legalBasis)
      expect(category.recipients.length, category.id).toBeGreaterThan(0)
      for (const r of category.recipients) expect(Object.keys(recipients)).toContain(r)
      for (const text of [category.label, category.purpose, category.retention]) {
        expect(text.nl.length, category.id).toBeGreaterThan(3)
        expect(text.en.length, category.id).toBeGreaterThan(3)
      }
    }
  })

  it('never exports secrets: password, TOTP, token and session hashes are in a "secret" category', () => {
    const secretColumns = ['users.password_hash', 'users.totp_secret', 'recovery_codes.code_hash', 'user_tokens.token_hash']
    for (const qualified of secretColumns) {
      const [table, column] = qualified.split('.')
      const category = personalDataCategories.find((c) => c.stored.some((l) => 'table' in l && l.table === table && l.columns.includes(column!)))
      expect(category?.export, qualified).toBe('secret')
    }
  })

  it('registers the retention rules the policy promises, the newsletter purge included', () => {
    expect(Object.keys(retentionRules)).toEqual(
      expect.arrayContaining(['visitor-rate-limits', 'unverified-accounts', 'abandoned-orders', 'expired-invoices', 'newsletter-unsubscribed']),
    )
    expect(retentionRules['newsletter-unsubscribed'].schedule).toBe('monthly')
    expect(consentPurposes).toEqual(['statistics', 'newsletter', 'chat'])
  })

  it('declares for every recipient what an erasure and a restriction do there; every "task" knows what to ask', () => {
    for (const cause of ['erasure', 'restriction'] as const) {
      const plan = processorPlan(cause)
      expect(plan.map((p) => p.id)).toEqual(Object.keys(recipients))
      for (const { id, handling, reason } of plan) {
        expect(reason.nl.length, `${id} ${cause}`).toBeGreaterThan(20)
        expect(reason.en.length, `${id} ${cause}`).toBeGreaterThan(20)
        if (handling === 'task') expect(processorTaskRefs[id]?.[cause], `${id} is declared 'task' on ${cause}: add processorTaskRefs.${id}.${cause}`).toBeTypeOf('function')
      }
    }
    // The brief's cases: Mollie keeps payment records for its own duty, the mail provider is asked, the
    // storage host is ours, ManyChat through its API.
    expect(recipients.mollie.onErasure.handling).toBe('none')
    expect(recipients.mail_provider.onErasure.handling).toBe('task')
    expect(recipients.storage_host.onErasure.handling).toBe('ours')
    expect(recipients.manychat.onErasure.handling).toBe('api')
  })
})

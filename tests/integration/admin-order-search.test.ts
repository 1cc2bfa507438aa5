import { beforeEach, describe, expect, test } from 'vitest'
import { orderSearchFilter } from '@jouwbot/api/checkout'
import { desc, orders, rowsOf, sql } from '@jouwbot/db'
import nl from '../../apps/web/src/i18n/nl.json'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import type { TestClient } from '../helpers/client.ts'
import { makeDeps } from '../helpers/deps.ts'
import { expectRefusal, rejectionOf } from '../helpers/flows.ts'
import { insertBuyers } from '../helpers/shop.ts'
import { useTestDatabase } from '../helpers/test-db.ts'

/**
 * The admin order search (issue 14 §2): part of the buyer's e-mail address (trigram index on the e-mail
 * alone), or the start of the order number as shown (a key range on the primary key); at least 3
 * characters; newest first, paged with the keyset "load more".
 */
const db = useTestDatabase()

let deps: ReturnType<typeof makeDeps>
let admin: TestClient

const ANNA = 'zoek.mij-hier@example.nl'
const BRAM = 'ander_lid@example.nl'
/** Anna's order with a number to look up; Bram's orders next to it in the key order, and with its digits inside the id. */
const ANNA_ORDER = '1a2b3c4d-5e6f-4a1b-8c2d-0123456789ab'
const BRAM_NEIGHBOUR = '1a2b3c4e-0000-4000-8000-000000000000'
const BRAM_INSIDE = 'ffffffff-1a2b-4c4d-8000-000000000000'
/** 30 more orders of Anna's, one an hour, all with numbers starting ABCD. */
const SERIES = Array.from({ length: 30 }, (_, i) => `abcd${i.toString(16).padStart(4, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`)
const DAY = 24 * 3600_000

async function insertOrder(id: string, userId: string, email: string, createdAt: Date) {
  await deps.db.insert(orders).values({
    id,
    userId,
    requestId: crypto.randomUUID(),
    status: 'paid',
    locale: 'nl',
    totalExclCents: 24545,
    totalVatCents: 5155,
    totalCents: 29700,
    buyerEmail: email,
    billing: { name: 'Koper', company: null, addressLine: 'Straat 1', postalCode: '1011 AA', city: 'Amsterdam', country: 'NL' },
    mode: 'test',
    paidAt: createdAt,
    createdAt,
    updatedAt: createdAt,
  })
}

beforeEach(async () => {
  deps = makeDeps(db())
  const [anna, bram] = await insertBuyers(deps, 2)
  const now = deps.clock.now().getTime()
  await insertOrder(ANNA_ORDER, anna!.id, ANNA, new Date(now - 2 * DAY))
  await insertOrder(BRAM_NEIGHBOUR, bram!.id, BRAM, new Date(now - 3 * DAY))
  await insertOrder(BRAM_INSIDE, bram!.id, BRAM, new Date(now - 4 * DAY))
  for (const [i, id] of SERIES.entries()) await insertOrder(id, anna!.id, ANNA, new Date(now - (i + 1) * 3600_000))
  const member = await createMember(deps, { firstName: 'Admin' })
  await makeStaff(deps, member)
  admin = member.client
})

const found = async (search: string, limit = 100) => (await (await admin.api()).admin.checkout.orders({ search, limit })).orders.map((order) => order.id)

describe('by order number', () => {
  test('the number as shown finds the order, upper or lower case, with or without the rest of the id', async () => {
    expect(await found('1A2B3C4D')).toEqual([ANNA_ORDER])
    expect(await found('1a2b3c4d')).toEqual([ANNA_ORDER])
    expect(await found('1a2b3c4d-5e')).toEqual([ANNA_ORDER])
    expect(await found(ANNA_ORDER.toUpperCase())).toEqual([ANNA_ORDER])
  })

  test('a shorter start finds every order that starts with it, newest first, and only those', async () => {
    expect(await found('1a2b3c')).toEqual([ANNA_ORDER, BRAM_NEIGHBOUR])
    expect(await found('1A2B')).toEqual([ANNA_ORDER, BRAM_NEIGHBOUR])
    expect(await found('abcd')).toEqual(SERIES)
  })

  test('digits from the middle of an id find nothing (no search inside ids)', async () => {
    expect(await found(BRAM_INSIDE.slice(9, 18))).toEqual([])
    expect(await found(ANNA_ORDER.slice(4, 12))).toEqual([])
  })
})

describe('by e-mail address', () => {
  test('any part of it, in any case, finds that buyer’s orders and no one else’s', async () => {
    const annas = [...SERIES, ANNA_ORDER]
    expect(await found('MIJ-HIER')).toEqual(annas)
    expect(await found(ANNA)).toEqual(annas)
    expect(await found('ander_lid@')).toEqual([BRAM_NEIGHBOUR, BRAM_INSIDE])
    expect(await found('@example.nl')).toEqual([...annas, BRAM_NEIGHBOUR, BRAM_INSIDE])
  })

  test('% and _ are taken literally', async () => {
    expect(await found('mij_hier')).toEqual([])
    expect(await found('zoek%hier')).toEqual([])
    expect(await found('der_l')).toEqual([BRAM_NEIGHBOUR, BRAM_INSIDE])
  })
})

test('results page newest first with the keyset "load more", every order once', async () => {
  for (const search of ['abcd', 'mij-hier']) {
    const ids: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await (await admin.api()).admin.checkout.orders({ search, limit: 7, cursor })
      expect(page.orders.length).toBeLessThanOrEqual(7)
      ids.push(...page.orders.map((order) => order.id))
      cursor = page.nextCursor ?? undefined
      pages += 1
    } while (cursor && pages < 20)
    expect(ids).toEqual(search === 'abcd' ? SERIES : [...SERIES, ANNA_ORDER])
    expect(pages).toBe(5)
  }
})

test('fewer than 3 characters is refused with a Dutch message that says what to type', async () => {
  const api = await admin.api()
  for (const search of ['ab', '  1a  ', '']) {
    const error = await rejectionOf(api.admin.checkout.orders({ search }))
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { issues: [expect.objectContaining({ path: ['search'], message: 'validation.searchTooShort' })] } })
  }
  expect(nl.validation.searchTooShort).toBe('Vul minstens 3 tekens in: een deel van het e-mailadres of het begin van het bestelnummer.')
  // Three characters are a search.
  expect(await found('1a2')).toEqual([ANNA_ORDER, BRAM_NEIGHBOUR])
})

test('a member cannot search orders at all', async () => {
  const member = await createMember(deps)
  await expectRefusal((await member.client.api()).admin.checkout.orders({ search: ANNA }), 'FORBIDDEN', 'error.forbidden')
})

test('with a few thousand orders the search uses the e-mail trigram index and the primary key, not a scan', async () => {
  const [buyer] = await insertBuyers(deps, 1)
  await deps.db.execute(sql`
    insert into orders (user_id, request_id, status, locale, total_excl_cents, total_vat_cents, total_cents, buyer_email, billing, mode, created_at, updated_at)
    select ${buyer!.id}, gen_random_uuid(), 'expired', 'nl', 24545, 5155, 29700, 'lid' || n || '@bench.example', '{}'::jsonb, 'test',
      now() - n * interval '5 minutes', now() - n * interval '5 minutes'
    from generate_series(1, 5000) as n`)
  await deps.db.execute(sql`analyze orders`)
  const plan = async (search: string) =>
    rowsOf<{ 'QUERY PLAN': string }>(
      await deps.db.execute(sql`explain ${deps.db.select().from(orders).where(orderSearchFilter(search)).orderBy(desc(orders.createdAt)).limit(26)}`),
    )
      .map((row) => row['QUERY PLAN'])
      .join('\n')
  const byEmail = await plan('lid4242@')
  expect(byEmail).toContain('orders_email_trgm_idx')
  expect(byEmail).not.toContain('Seq Scan')
  const byNumber = await plan('1A2B3C4D')
  expect(byNumber).toContain('orders_email_trgm_idx')
  expect(byNumber).toContain('orders_pkey')
  expect(byNumber).not.toContain('Seq Scan')
})

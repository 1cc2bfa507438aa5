import { randomUUID } from 'node:crypto'
import { seedShop } from '@jouwbot/api/checkout'
import type { AppDeps } from '@jouwbot/api'
import type { UserRow } from '@jouwbot/auth'
import { courses, eq, payments, users } from '@jouwbot/db'
import type { BillingInput } from '@jouwbot/shared'
import type { TestClient } from './client.ts'
import type { TestServer } from './test-server.ts'

export const SHOP_COURSE = 'premium-cursus'

/** A published course row and the demo shop (three products, coupon WELKOM10) — no media needed. */
export async function seedShopFixture(deps: AppDeps): Promise<{ courseId: string }> {
  const [course] = await deps.db
    .insert(courses)
    .values({ slug: SHOP_COURSE, title: 'Premium Cursus', summary: 'Chatbots bouwen en verkopen', published: true })
    .returning({ id: courses.id })
  await seedShop(deps, SHOP_COURSE)
  return { courseId: course!.id }
}

export const consumerBilling: BillingInput = {
  name: 'Sanne de Vries',
  company: '',
  vatNumber: '',
  addressLine: 'Dorpsstraat 1',
  postalCode: '1234 AB',
  city: 'Utrecht',
  country: 'NL',
}

export function startInput(productSlug = 'premium-cursus', extra: { couponCode?: string; billing?: BillingInput } = {}) {
  return {
    productSlug,
    billing: extra.billing ?? consumerBilling,
    locale: 'nl' as const,
    requestId: randomUUID(),
    acceptTerms: true as const,
    waiveWithdrawal: true,
    ...(extra.couponCode ? { couponCode: extra.couponCode } : {}),
  }
}

export const paymentIdOf = (checkoutUrl: string) => checkoutUrl.split('/').at(-1)!

/** Starts a checkout through the procedure, as the browser does. */
export async function startBuying(client: TestClient, productSlug = 'premium-cursus', extra: Parameters<typeof startInput>[1] = {}) {
  const started = await (await client.api()).checkout.start(startInput(productSlug, extra))
  return { ...started, paymentId: paymentIdOf(started.checkoutUrl) }
}

export async function userRow(deps: AppDeps, email: string): Promise<UserRow> {
  const [row] = await deps.db.select().from(users).where(eq(users.email, email))
  return row!
}

/** Members straight into the table (no argon2): for tests that need dozens of buyers. */
export async function insertBuyers(deps: AppDeps, count: number): Promise<UserRow[]> {
  const now = deps.clock.now()
  return deps.db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `koper${i}-${randomUUID().slice(0, 8)}@example.nl`,
        passwordHash: 'not-used',
        firstName: `Koper${i}`,
        lastName: 'Test',
        emailVerifiedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning()
}

export async function paymentRows(server: TestServer, orderId: string) {
  return server.deps.db.select().from(payments).where(eq(payments.orderId, orderId))
}

/** Posts a webhook body to the server like Mollie does (form-encoded). */
export function postWebhook(server: TestServer, body: string) {
  return fetch(`${server.url}/webhooks/mollie`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
}

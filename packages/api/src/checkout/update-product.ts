import type { UserRow } from '@jouwbot/auth'
import { eq, products } from '@jouwbot/db'
import { AppError, type adminUpdateProductInput } from '@jouwbot/shared'
import type { z } from 'zod'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

/** Price, texts, position and availability of a product; audit-logged. */
export async function updateProduct(deps: AppDeps, admin: UserRow, input: z.output<typeof adminUpdateProductInput>) {
  const { productSlug, ...changes } = input
  const now = deps.clock.now()
  return inTransaction(deps, async ({ db: tx }) => {
    const [updated] = await tx
      .update(products)
      .set({ ...changes, updatedAt: now })
      .where(eq(products.slug, productSlug))
      .returning()
    if (!updated) throw new AppError('NOT_FOUND', 'checkout.productNotFound')
    await recordAudit(tx, { actorUserId: admin.id, subjectUserId: null, action: 'admin.product_updated', details: { productSlug, ...changes } }, now)
    return updated
  })
}

import { createHash } from 'node:crypto'
import { eq, invoicePdfs, type DbOrTx } from '@jouwbot/db'
import { renderInvoicePdf } from '@jouwbot/pdf'
import type { AppDeps } from '../deps.ts'
import { invoiceDocumentOf } from './invoice-document.ts'
import type { InvoiceRow } from './types.ts'

/**
 * The PDF, rendered the first time anyone needs it and stored; later downloads get the stored bytes.
 * Two first requests at once may both render, but only one insert wins and both return its bytes.
 */
export async function getInvoicePdf(deps: AppDeps, row: InvoiceRow): Promise<Uint8Array> {
  const stored = await storedPdf(deps.db, row.id)
  if (stored) return stored
  const pdf = await renderInvoicePdf(invoiceDocumentOf(deps, row))
  await deps.db
    .insert(invoicePdfs)
    .values({ invoiceId: row.id, pdf, sha256: createHash('sha256').update(pdf).digest('hex'), createdAt: deps.clock.now() })
    .onConflictDoNothing()
  return (await storedPdf(deps.db, row.id))!
}

async function storedPdf(db: DbOrTx, invoiceId: string): Promise<Uint8Array | null> {
  const [row] = await db.select({ pdf: invoicePdfs.pdf }).from(invoicePdfs).where(eq(invoicePdfs.invoiceId, invoiceId)).limit(1)
  return row ? new Uint8Array(row.pdf) : null
}

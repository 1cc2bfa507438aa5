import type { AppDeps } from '../deps.ts'
import { getInvoicePdf } from './get-invoice-pdf.ts'
import type { InvoiceRow, RefundRow } from './types.ts'

/** What a committed change asks of the world outside the database. */
export interface OrderEffects {
  /** Members whose cached course access must be dropped. */
  accessChangedFor: Set<string>
  /** Invoices and credit notes to render. */
  issued: InvoiceRow[]
  /** Refunds reserved in the transaction, to ask of Mollie once it is committed. */
  refunds: RefundRow[]
}

export const newEffects = (): OrderEffects => ({ accessChangedFor: new Set(), issued: [], refunds: [] })

/** Runs after commit: never inside the transaction (a rollback must not leave a stale cache or a PDF). */
export async function applyEffects(deps: AppDeps, effects: OrderEffects): Promise<void> {
  for (const userId of effects.accessChangedFor) deps.viewerCourses.invalidate(userId)
  // Rendering now spares the first download the wait; if it fails the download renders it.
  for (const invoice of effects.issued) await getInvoicePdf(deps, invoice).catch(() => undefined)
}

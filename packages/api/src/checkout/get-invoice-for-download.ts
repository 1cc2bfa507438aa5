import type { UserRow } from '@jouwbot/auth'
import { eq, invoices } from '@jouwbot/db'
import { AppError } from '@jouwbot/shared'
import { recordStaffRead } from '../privacy/record-staff-read.ts'
import type { AppDeps } from '../deps.ts'
import { getInvoicePdf } from './get-invoice-pdf.ts'

/** A buyer downloads only their own invoices; an admin any, audit-logged. */
export async function getInvoiceForDownload(deps: AppDeps, viewer: UserRow, invoiceId: string): Promise<{ filename: string; pdf: Uint8Array }> {
  const [invoice] = await deps.db.select().from(invoices).where(eq(invoices.id, invoiceId)).limit(1)
  // Staff access needs 2FA on, as in every staff procedure.
  const isAdmin = viewer.role === 'admin' && viewer.totpEnabledAt !== null
  if (!invoice || (!isAdmin && invoice.userId !== viewer.id)) throw new AppError('NOT_FOUND', 'invoice.notFound')
  if (isAdmin && invoice.userId !== viewer.id) {
    await recordStaffRead(deps.db, { staff: viewer, subjectUserIds: [invoice.userId], action: 'admin.read_invoice', purpose: 'invoice_support', details: { invoiceId } }, deps.clock.now())
  }
  const prefix = invoice.kind === 'invoice' ? 'factuur' : 'creditnota'
  return { filename: `${prefix}-${invoice.number}.pdf`, pdf: await getInvoicePdf(deps, invoice) }
}

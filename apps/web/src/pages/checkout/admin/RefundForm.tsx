import { adminRefundInput, REFUND_REASON_MAX } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { FocusHeading } from '../../../components/FocusHeading.tsx'
import { Form } from '../../../components/Form.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { TextAreaField } from '../../../components/TextAreaField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { useSudo } from '../../../lib/sudo.ts'
import { useTRPC } from '../../../lib/trpc.ts'
import { errorKeyOf } from '../../../lib/errors.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { useLocale } from '../../../lib/useLocale.ts'
import { eurosToCents } from '../money.ts'
import { formatMoney } from '@jouwbot/shared/money'
import type { AdminOrder, AdminRefund } from '../types.ts'
import './refund.css'

interface Props {
  order: AdminOrder
  /** What is left to refund (total minus refunds and chargebacks). */
  remainingCents: number
}

type RefundDone = Pick<AdminRefund, 'amountCents' | 'status' | 'creditNoteNumber'>

/**
 * Money back to the buyer, in two steps: check the amount, then confirm. It needs a fresh password
 * (sudo mode). The refund id is made once per refund, so a repeated confirm never refunds twice.
 */
export function RefundForm({ order, remainingCents }: Props) {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const titleId = useId()
  // A course + coaching order: the buyer may withdraw from the coaching alone and keep the course.
  const withdrawable = order.lines.some((line) => line.courseSlug !== null) && order.lines.some((line) => line.coachingCredits > 0)
  // Kept after a failure (Mollie timeout): repeating the same refund is safe, a new id would not be.
  const [refundId, setRefundId] = useState(() => crypto.randomUUID())
  const [confirmCents, setConfirmCents] = useState<number | null>(null)
  const [done, setDone] = useState<RefundDone | null>(null)
  const confirmed = useRef(false)
  const boxRef = useRef<HTMLDivElement>(null)
  const refund = useMutation(trpc.admin.checkout.refund.mutationOptions())

  const form = useZodForm({
    schema: adminRefundInput,
    defaultValues: { amountCents: '', reason: '', coachingOnly: false },
    // Once confirmed, the confirmed amount is sent (an empty field means "the rest as shown"), so what
    // was confirmed is exactly what is refunded even if the order changed meanwhile.
    toInput: ({ amountCents, reason, coachingOnly }) => ({
      orderId: order.id,
      amountCents: eurosToCents(amountCents) ?? confirmCents ?? undefined,
      reason,
      refundId,
      ...(withdrawable && { coachingOnly }),
    }),
    keyFields: { 'refund.tooMuch': 'amountCents', 'refund.coachingAmount': 'amountCents', 'refund.noCoaching': 'coachingOnly' },
    onEdit: () => {
      setConfirmCents(null)
      setDone(null)
    },
    onSubmit: async (input) => {
      if (!confirmed.current) {
        // Step 1: the amount is valid; ask for confirmation before any money moves.
        setDone(null)
        setConfirmCents(input.amountCents ?? remainingCents)
        return
      }
      const result = await withSudo(() => refund.mutateAsync(input)).catch((error: unknown) => {
        // Refused by Mollie: nothing happened, and asking again is a new refund with its own id.
        if (errorKeyOf(error) === 'refund.rejected') setRefundId(crypto.randomUUID())
        throw error
      })
      setDone({ amountCents: result.amountCents, status: result.status, creditNoteNumber: result.creditNoteNumber })
      setConfirmCents(null)
      form.methods.reset()
      setRefundId(crypto.randomUUID())
      await queryClient.invalidateQueries(trpc.admin.checkout.order.queryFilter({ orderId: order.id }))
      await queryClient.invalidateQueries(trpc.admin.checkout.orders.pathFilter())
    },
  })
  const coachingOnly = form.methods.watch('coachingOnly')

  async function confirm(): Promise<void> {
    confirmed.current = true
    try {
      // Refused (a field's error, Mollie's no, a timeout): back to the fields, where the reason is shown.
      if (!(await form.submit())) setConfirmCents(null)
    } finally {
      confirmed.current = false
    }
  }

  return (
    <div className="refund" aria-labelledby={titleId} role="group" ref={boxRef}>
      <h3 id={titleId} className="refund__title">
        {t('admin.refund.title')}
      </h3>
      {done ? (
        <Notice tone="success">
          <p>
            {t('admin.refund.done', { amount: formatMoney(done.amountCents, locale), status: t(`admin.order.refundStatus.${done.status}`) })}
          </p>
          {done.creditNoteNumber ? <p>{t('admin.refund.creditNote', { number: done.creditNoteNumber })}</p> : null}
        </Notice>
      ) : null}
      <Form form={form}>
        <TextField
          label={t('admin.refund.amount')}
          hint={t('admin.refund.amountHint', { amount: formatMoney(remainingCents, locale) })}
          inputMode="decimal"
          autoComplete="off"
          className="input--short"
          readOnly={confirmCents !== null}
          {...form.field('amountCents')}
        />
        <TextAreaField
          label={t('admin.refund.reason')}
          hint={t('admin.refund.reasonHint')}
          rows={3}
          maxLength={REFUND_REASON_MAX}
          required
          readOnly={confirmCents !== null}
          {...form.field('reason')}
        />
        {withdrawable ? (
          <CheckboxField
            label={t('admin.refund.coachingOnly')}
            hint={t('admin.refund.coachingOnlyHint')}
            disabled={confirmCents !== null}
            {...form.field('coachingOnly')}
          />
        ) : null}
        {confirmCents === null ? (
          <div className="form__actions">
            <Button type="submit" variant="secondary">
              {t('admin.refund.check')}
            </Button>
          </div>
        ) : (
          <div className="refund__confirm">
            <FocusHeading level={3}>{t('admin.refund.confirmTitle')}</FocusHeading>
            <p>{t('admin.refund.confirmText', { amount: formatMoney(confirmCents, locale), email: order.buyerEmail })}</p>
            <p>{t(coachingOnly ? 'admin.refund.confirmKeepsCourse' : 'admin.refund.confirmEndsAccess')}</p>
            <div className="form__actions">
              <Button variant="danger" pending={form.busy} pendingLabel={t('admin.refund.refunding')} onClick={() => void confirm()}>
                {t('admin.refund.confirm', { amount: formatMoney(confirmCents, locale) })}
              </Button>
              <Button
                variant="ghost"
                disabled={form.busy}
                onClick={() => {
                  setConfirmCents(null)
                  boxRef.current?.querySelector('input')?.focus()
                }}
              >
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        )}
      </Form>
    </div>
  )
}

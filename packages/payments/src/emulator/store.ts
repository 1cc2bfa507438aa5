import type { PaymentMode, PaymentStatus } from '../gateway.ts'
import { EmulatorStateError } from './errors.ts'
import { newId } from './ids.ts'
import type { EmulatorState, IdempotencyRecord, StoredChargeback, StoredPayment, StoredRefund } from './model.ts'
import { readStateFile, writeStateFile } from './state-file.ts'
import { refundCounts, transitionPayment, transitionRefund } from './status-rules.ts'
import type { PaymentFields, RefundFields } from './validation.ts'

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export interface StoreOptions {
  stateFile?: string
  profileId?: string
  clock: () => Date
  paymentExpiryMs: number
}

/**
 * Payments, refunds, chargebacks and idempotency records in memory (optionally mirrored to a state file
 * after every change). Every change goes through a method here, and each method keeps Mollie's rules:
 * the status rules of status-rules.ts and the money rules (`amountRemaining`) below.
 */
export class EmulatorStore {
  private state: EmulatorState

  constructor(private readonly options: StoreOptions) {
    const loaded = options.stateFile ? readStateFile(options.stateFile) : null
    this.state = loaded ?? emptyState(options.profileId ?? newId('pfl_'))
    if (options.profileId) this.state.profileId = options.profileId
  }

  get profileId(): string {
    return this.state.profileId
  }

  private now(): Date {
    return this.options.clock()
  }

  private nextSeq(): number {
    return ++this.state.seq
  }

  /** Writes the state file, if there is one. Called after every change. */
  save(): void {
    if (!this.options.stateFile) return
    const cutoff = this.now().getTime() - IDEMPOTENCY_TTL_MS
    this.state.idempotency = this.state.idempotency.filter((r) => Date.parse(r.createdAt) >= cutoff)
    writeStateFile(this.options.stateFile, this.state)
  }

  reset(): void {
    this.state = emptyState(this.state.profileId)
    this.save()
  }

  // --- reading ---------------------------------------------------------------------------------------

  payment(id: string): StoredPayment | undefined {
    return this.state.payments.find((p) => p.id === id)
  }

  requirePayment(id: string): StoredPayment {
    const payment = this.payment(id)
    if (!payment) throw new EmulatorStateError(`no payment ${id}`)
    return payment
  }

  /** Newest first. */
  payments(mode?: PaymentMode): StoredPayment[] {
    return this.state.payments.filter((p) => mode === undefined || p.mode === mode).sort((a, b) => b.seq - a.seq)
  }

  refund(id: string): StoredRefund | undefined {
    return this.state.refunds.find((r) => r.id === id)
  }

  /** Newest first. */
  refundsOf(paymentId: string): StoredRefund[] {
    return this.state.refunds.filter((r) => r.paymentId === paymentId).sort((a, b) => b.seq - a.seq)
  }

  chargebacksOf(paymentId: string): StoredChargeback[] {
    return this.state.chargebacks.filter((c) => c.paymentId === paymentId).sort((a, b) => b.seq - a.seq)
  }

  amountRefundedCents(payment: StoredPayment): number {
    return this.refundsOf(payment.id)
      .filter(refundCounts)
      .reduce((sum, r) => sum + r.amountCents, 0)
  }

  /**
   * Mollie documents `amountChargedBack` only as "the total amount that was charged back for this
   * payment. Only available when the total charged back amount is not zero"; whether a reversal takes
   * it down is not said. The emulator leaves a reversed chargeback out (the money came back), so a
   * payment whose chargebacks are all reversed has no `amountChargedBack` — the harder case for a
   * client: it must find the reversal through `_links.chargebacks` and `reversedAt`.
   */
  amountChargedBackCents(payment: StoredPayment): number {
    return this.chargebacksOf(payment.id)
      .filter((c) => c.reversedAt === null)
      .reduce((sum, c) => sum + c.amountCents, 0)
  }

  /** What may still be refunded; `null` until the payment is paid (Mollie omits the field then). */
  amountRemainingCents(payment: StoredPayment): number | null {
    if (payment.status !== 'paid') return null
    return Math.max(0, payment.amountCents - this.amountRefundedCents(payment) - this.amountChargedBackCents(payment))
  }

  // --- changing --------------------------------------------------------------------------------------

  createPayment(mode: PaymentMode, fields: PaymentFields): StoredPayment {
    const now = this.now()
    const payment: StoredPayment = {
      id: this.unusedId('tr_'),
      seq: this.nextSeq(),
      mode,
      profileId: this.state.profileId,
      status: 'open',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.options.paymentExpiryMs).toISOString(),
      authorizedAt: null,
      paidAt: null,
      canceledAt: null,
      expiredAt: null,
      failedAt: null,
      amountCents: fields.amount.cents,
      currency: fields.amount.currency,
      description: fields.description,
      redirectUrl: fields.redirectUrl,
      cancelUrl: fields.cancelUrl,
      webhookUrl: fields.webhookUrl,
      locale: fields.locale,
      method: fields.method,
      metadata: fields.metadata,
    }
    this.state.payments.push(payment)
    this.save()
    return payment
  }

  /** Applies a status change under the status rules (throws `EmulatorStateError` when they forbid it). */
  setPaymentStatus(id: string, status: PaymentStatus): StoredPayment {
    const payment = this.requirePayment(id)
    transitionPayment(payment, status, this.now())
    this.save()
    return payment
  }

  /**
   * The caller has checked the payment is paid and the amount is at most `amountRemainingCents`.
   * `queued` is what Mollie answers when the balance does not cover the refund; `pending` otherwise.
   */
  createRefund(payment: StoredPayment, fields: RefundFields, status: 'queued' | 'pending' = 'pending'): StoredRefund {
    const refund: StoredRefund = {
      id: this.unusedId('re_'),
      seq: this.nextSeq(),
      paymentId: payment.id,
      mode: payment.mode,
      status,
      amountCents: fields.amount.cents,
      currency: fields.amount.currency,
      description: fields.description,
      metadata: fields.metadata,
      createdAt: this.now().toISOString(),
    }
    this.state.refunds.push(refund)
    this.save()
    return refund
  }

  requireRefund(id: string): StoredRefund {
    const refund = this.refund(id)
    if (!refund) throw new EmulatorStateError(`no refund ${id}`)
    return refund
  }

  /** One step of the refund lifecycle (status-rules.ts); throws when the rules forbid it. */
  setRefundStatus(id: string, status: StoredRefund['status']): StoredRefund {
    const refund = this.requireRefund(id)
    transitionRefund(refund, status)
    this.save()
    return refund
  }

  /** The bank stopped disputing: the chargeback stays listed, with `reversedAt`; throws if it is unknown or already reversed. */
  reverseChargeback(id: string): StoredChargeback {
    const chargeback = this.state.chargebacks.find((c) => c.id === id)
    if (!chargeback) throw new EmulatorStateError(`no chargeback ${id}`)
    if (chargeback.reversedAt !== null) throw new EmulatorStateError(`chargeback ${id} was already reversed at ${chargeback.reversedAt}`)
    chargeback.reversedAt = this.now().toISOString()
    this.save()
    return chargeback
  }

  addChargeback(paymentId: string, amountCents: number): StoredChargeback {
    const payment = this.requirePayment(paymentId)
    if (payment.status !== 'paid') throw new EmulatorStateError(`payment ${paymentId} is ${payment.status}; only paid payments are charged back`)
    const remaining = this.amountRemainingCents(payment) ?? 0
    if (!Number.isSafeInteger(amountCents) || amountCents < 1 || amountCents > remaining) {
      throw new EmulatorStateError(`a chargeback of ${amountCents} cents does not fit the ${remaining} cents remaining on ${paymentId}`)
    }
    const chargeback: StoredChargeback = {
      id: this.unusedId('chb_'),
      seq: this.nextSeq(),
      paymentId,
      amountCents,
      currency: payment.currency,
      reasonCode: 'AC01',
      reasonDescription: 'Account identifier incorrect (i.e. invalid IBAN)',
      createdAt: this.now().toISOString(),
      reversedAt: null,
    }
    this.state.chargebacks.push(chargeback)
    this.save()
    return chargeback
  }

  // --- idempotency -----------------------------------------------------------------------------------

  idempotencyRecord(scope: string, key: string): IdempotencyRecord | undefined {
    const cutoff = this.now().getTime() - IDEMPOTENCY_TTL_MS
    return this.state.idempotency.find((r) => r.scope === scope && r.key === key && Date.parse(r.createdAt) >= cutoff)
  }

  saveIdempotencyRecord(record: Omit<IdempotencyRecord, 'createdAt'>): void {
    this.state.idempotency = this.state.idempotency.filter((r) => !(r.scope === record.scope && r.key === record.key))
    this.state.idempotency.push({ ...record, createdAt: this.now().toISOString() })
    this.save()
  }

  private unusedId(prefix: 'tr_' | 're_' | 'chb_'): string {
    for (;;) {
      const id = newId(prefix)
      const taken = this.state.payments.some((p) => p.id === id) || this.state.refunds.some((r) => r.id === id) || this.state.chargebacks.some((c) => c.id === id)
      if (!taken) return id
    }
  }
}

const emptyState = (profileId: string): EmulatorState => ({
  version: 1,
  profileId,
  seq: 0,
  payments: [],
  refunds: [],
  chargebacks: [],
  idempotency: [],
})

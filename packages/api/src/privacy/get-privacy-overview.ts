import { cookies, personalDataCategories, recipients, retentionRules, type Localized, type RecipientId } from './registry.ts'

const localized = (value: string | Localized): Localized => (typeof value === 'string' ? { nl: value, en: value } : value)

/**
 * The processing overview and cookie list of the privacy page, generated from the registry: per
 * category what it is, why, on which legal basis, who receives it and how long it is kept.
 */
export function getPrivacyOverview(options: { chatContactSync?: boolean } = {}) {
  // marketing (Messenger chat): without MANYCHAT_API_KEY nothing goes to ManyChat, so the page does not say it does.
  const shown = personalDataCategories.filter((c) => options.chatContactSync || !c.recipients.includes('manychat'))
  const usedRecipients = new Set<RecipientId>(shown.flatMap((c) => c.recipients))
  return {
    categories: shown.map((category) => ({
      id: category.id,
      label: category.label,
      purpose: category.purpose,
      legalBasis: category.legalBasis,
      recipients: category.recipients.map((id) => ({ id, name: localized(recipients[id].name) })),
      retention: category.retention,
      note: category.note ?? null,
      /** Where it lives, for the curious (table and column names). */
      stored: category.stored.map((l) => ('table' in l ? `${l.table}: ${l.columns.join(', ')}` : `${l.storagePrefix}`)),
      inExport: category.export === 'include',
    })),
    recipients: [...usedRecipients].map((id) => ({ id, name: localized(recipients[id].name), role: recipients[id].role, transfer: recipients[id].transfer })),
    retentionRules: Object.entries(retentionRules).map(([id, rule]) => ({ id, schedule: rule.schedule, description: rule.description })),
    cookies: cookies.map((c) => ({ name: c.name, purpose: c.purpose, kind: c.kind, description: c.description, lifetime: c.lifetime })),
  }
}

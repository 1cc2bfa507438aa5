/**
 * The privacy registry: the ONE place that says which personal data the platform holds, where, why,
 * on which legal basis, who receives it, how long it is kept and what erasure does to it.
 *
 * Everything privacy-related is generated from this module: the processing overview and cookie list on
 * /privacy, the retention jobs (`apply-retention.ts`), and the member's export and erasure (the
 * `privacy-rights` services walk `personalDataCategories[].stored`). `registry.test.ts` introspects the
 * drizzle schema and fails when a table or column is neither registered here nor declared free of
 * personal data, so no feature can add personal data silently.
 *
 * Names are SQL names (snake_case, as in the migrations): `users.first_name`, not `firstName`.
 */
import type { RetentionRuleName } from '@jouwbot/shared'

export type Localized = { nl: string; en: string }

export const legalBases = ['contract', 'legal_obligation', 'legitimate_interest', 'consent'] as const
export type LegalBasis = (typeof legalBases)[number]

/** Who else receives (part of) the data: our processors, and authorities where the law says so. */
export const recipients = {
  mollie: {
    name: 'Mollie B.V.',
    role: { nl: 'Betaaldienstverlener (verwerker), Amsterdam', en: 'Payment service provider (processor), Amsterdam' },
    transfer: { nl: 'Binnen de EER.', en: 'Within the EEA.' },
    onErasure: {
      handling: 'none',
      reason: {
        nl: 'Mollie bewaart betaalgegevens op grond van een eigen wettelijke plicht (Wwft en fiscale bewaarplicht); wissen kan Mollie niet.',
        en: 'Mollie keeps payment records under its own legal duty (anti-money-laundering and tax record-keeping); it cannot erase them.',
      },
    },
    onRestriction: {
      handling: 'none',
      reason: { nl: 'Alleen betalingen die je zelf start; die blijven nodig voor de overeenkomst.', en: 'Only payments you start yourself; they remain needed for the contract.' },
    },
  },
  mail_provider: {
    name: { nl: 'Onze e-mailprovider (SMTP)', en: 'Our e-mail provider (SMTP)' },
    role: { nl: 'Verzendt onze e-mails (verwerker)', en: 'Delivers our e-mails (processor)' },
    transfer: {
      nl: 'Binnen de EER; valt een provider onder Amerikaans recht, dan op basis van het EU-US Data Privacy Framework of de standaardcontractbepalingen van de Europese Commissie.',
      en: 'Within the EEA; where a provider is subject to US law, under the EU-US Data Privacy Framework or the European Commission’s standard contractual clauses.',
    },
    onErasure: {
      handling: 'task',
      reason: {
        nl: 'De provider heeft geen wis-API: een beheerder vraagt hem binnen een maand de verzendlogboeken van je e-mailadres te wissen (alleen als er via hem mails naar je zijn verstuurd).',
        en: 'The provider has no erasure API: an administrator asks it within a month to delete the delivery logs of your e-mail address (only if mails to you went through it).',
      },
    },
    onRestriction: {
      handling: 'stops',
      reason: {
        nl: 'We sturen hem niets meer voor je dan wettelijk verplichte e-mails (facturen, beveiliging): nieuwsbrieven stoppen vanzelf.',
        en: 'We hand it nothing for you but legally required mails (invoices, security): newsletters stop by themselves.',
      },
    },
  },
  storage_host: {
    name: { nl: 'Onze hosting- en opslagprovider', en: 'Our hosting and storage provider' },
    role: { nl: 'Host de servers, database en bestanden (verwerker)', en: 'Hosts the servers, database and files (processor)' },
    transfer: { nl: 'Binnen de EER.', en: 'Within the EEA.' },
    onErasure: {
      handling: 'ours',
      reason: { nl: 'Wij wissen zelf je bestanden en databaserijen bij hem (de stappen opslag en database).', en: 'We delete your files and database rows there ourselves (the storage and database steps).' },
    },
    onRestriction: {
      handling: 'none',
      reason: { nl: 'Bewaren mag tijdens een beperking (art. 18 lid 2 AVG); er wordt niets anders mee gedaan.', en: 'Storing is allowed during a restriction (GDPR art. 18(2)); nothing else is done with it.' },
    },
  },
  vies: {
    name: { nl: 'VIES (Europese Commissie)', en: 'VIES (European Commission)' },
    role: { nl: 'Controle van btw-nummers van zakelijke kopers', en: 'Checks VAT numbers of business buyers' },
    transfer: { nl: 'Binnen de EU.', en: 'Within the EU.' },
    onErasure: {
      handling: 'none',
      reason: { nl: 'VIES beantwoordt alleen een controle en houdt geen gegevens voor ons bij.', en: 'VIES only answers a check and keeps no data for us.' },
    },
    onRestriction: {
      handling: 'none',
      reason: { nl: 'Alleen bij een bestelling die je zelf plaatst.', en: 'Only for an order you place yourself.' },
    },
  },
  tax_authority: {
    name: { nl: 'Belastingdienst (bij controle)', en: 'Dutch Tax Administration (on audit)' },
    role: { nl: 'Wettelijke inzage in de administratie', en: 'Statutory access to the bookkeeping' },
    transfer: { nl: 'Nederland.', en: 'The Netherlands.' },
    onErasure: {
      handling: 'none',
      reason: { nl: 'Geen verwerker: inzage op grond van de wet, in de facturen die we 7 jaar moeten bewaren.', en: 'Not a processor: statutory access to the invoices we must keep for 7 years.' },
    },
    onRestriction: {
      handling: 'none',
      reason: { nl: 'Geen verwerker: wettelijke inzage gaat voor.', en: 'Not a processor: statutory access takes precedence.' },
    },
  },
  // marketing (Messenger chat): only with MANYCHAT_API_KEY (the overview leaves it out otherwise)
  manychat: {
    name: 'ManyChat, Inc.',
    role: {
      nl: 'Chatdienst voor Facebook Messenger (verwerker): ontvangt je naam en e-mailadres als je toestemming gaf voor de chat, en gebruikt die nooit voor eigen doeleinden',
      en: 'Chat service for Facebook Messenger (processor): receives your name and e-mail address if you consented to the chat, and never uses them for its own purposes',
    },
    transfer: {
      nl: 'Verenigde Staten, op basis van de standaardcontractbepalingen van de Europese Commissie in de verwerkersovereenkomst van ManyChat.',
      en: 'United States, under the European Commission’s standard contractual clauses in ManyChat’s data processing agreement.',
    },
    onErasure: {
      handling: 'api',
      reason: {
        nl: 'We wissen je naam en e-mailadres bij ManyChat via de API; omdat die geen verwijderopdracht kent, verwijdert een beheerder het contact daarna binnen een maand.',
        en: 'We clear your name and e-mail address at ManyChat through its API; as it has no delete call, an administrator then deletes the contact within a month.',
      },
    },
    onRestriction: {
      handling: 'task',
      reason: {
        nl: 'We sturen ManyChat niets meer en een beheerder sluit je contact daar binnen een maand uit van berichten.',
        en: 'We send ManyChat nothing more and an administrator excludes your contact there from messages within a month.',
      },
    },
  },
} as const satisfies Record<string, { name: string | Localized; role: Localized; transfer: Localized; onErasure: ProcessorHandling<ErasureHandling>; onRestriction: ProcessorHandling<RestrictionHandling> }>
export type RecipientId = keyof typeof recipients

/**
 * What happens at a recipient when a member's account is erased (art. 17(2): processors told where
 * they hold data) or processing is restricted (art. 18), generated into the erasure's `processors`
 * step, the restriction grant and the privacy centre:
 * - `api`: we erase there through its API (and open a task for what the API cannot do);
 * - `task`: an admin task (a `processor_notice` privacy request, due in a month) to tell it, opened
 *   once per erasure or restriction and only when it holds something of the member;
 * - `ours`: nothing to tell, we delete it ourselves (the storage and database steps);
 * - `stops`: our code stops handing it anything (`mayProcess`, the chat sync), nothing to tell;
 * - `none`: nothing to do, for the reason given.
 */
export type ErasureHandling = 'api' | 'task' | 'ours' | 'none'
export type RestrictionHandling = 'task' | 'stops' | 'none'
export interface ProcessorHandling<H extends string> {
  handling: H
  reason: Localized
}

/**
 * The retention rules the jobs apply (`privacy.apply-retention`, see apply-retention.ts: one
 * implementation per rule id, so a rule cannot be declared here and forgotten there).
 */
export const retentionRules = {
  'visitor-rate-limits': {
    schedule: 'daily',
    tables: ['rate_limits'],
    description: {
      nl: 'Tellers voor spampreventie (met gepseudonimiseerde IP- en e-mailadressen) 12 maanden na het einde van hun tijdvenster verwijderd.',
      en: 'Spam-prevention counters (with pseudonymised IP and e-mail addresses) deleted 12 months after their window ended.',
    },
  },
  'unverified-accounts': {
    schedule: 'daily',
    tables: ['users'],
    description: {
      nl: 'Accounts waarvan het e-mailadres nooit is bevestigd en die niets hebben gekocht: na 12 maanden verwijderd.',
      en: 'Accounts whose e-mail address was never confirmed and that bought nothing: deleted after 12 months.',
    },
  },
  'abandoned-orders': {
    schedule: 'daily',
    tables: ['orders', 'order_lines', 'payments', 'coupon_redemptions'],
    description: {
      nl: 'Onbetaalde bestellingen zonder factuur: 12 maanden na aanmaken verwijderd.',
      en: 'Unpaid orders without an invoice: deleted 12 months after they were made.',
    },
  },
  'sent-mail': {
    schedule: 'daily',
    tables: ['mail_outbox'],
    description: {
      nl: 'Verstuurde en definitief mislukte e-mails: 12 maanden na aanmaken verwijderd.',
      en: 'Sent and finally failed e-mails: deleted 12 months after they were made.',
    },
  },
  'visitor-consent': {
    schedule: 'daily',
    tables: ['consent_records'],
    description: {
      nl: 'Cookiekeuzes van bezoekers zonder account: na 12 maanden verwijderd (daarna vragen we opnieuw).',
      en: 'Cookie choices of visitors without an account: deleted after 12 months (then we ask again).',
    },
  },
  'expired-invoices': {
    schedule: 'daily',
    tables: ['invoices', 'invoice_pdfs', 'orders', 'order_lines', 'payments', 'refunds', 'chargebacks', 'chargeback_reversals', 'coupon_redemptions'],
    description: {
      nl: 'Facturen en creditnota’s (met pdf) na hun bewaardatum (7 jaar na het jaar van uitgifte) verwijderd, met de bestelling als daar geen factuur meer bij hoort.',
      en: 'Invoices and credit notes (with PDF) deleted after their retention date (7 years after the year of issue), with the order once no invoice of it remains.',
    },
  },
  'newsletter-unsubscribed': {
    schedule: 'monthly',
    tables: ['newsletter_subscribers', 'newsletter_deliveries'],
    description: {
      nl: 'Wie zich afmeldt voor de nieuwsbrief, wordt elke maand uit de abonneelijst verwijderd; aanmeldingen die nooit zijn bevestigd ook (30 dagen na de bevestigingsmail). Er blijft niets van het adres achter.',
      en: 'Whoever unsubscribes from the newsletter is removed from the subscriber list every month; so are sign-ups never confirmed (30 days after the confirmation mail). Nothing of the address stays behind.',
    },
  },
  'ebook-requests': {
    schedule: 'daily',
    tables: ['ebook_requests', 'ebook_download_grants'],
    description: {
      nl: 'Aanvragen van het gratis e-book: onbevestigde na 30 dagen verwijderd, bevestigde (met hun downloadlinks) na 12 maanden.',
      en: 'Requests for the free e-book: unconfirmed ones deleted after 30 days, confirmed ones (with their download links) after 12 months.',
    },
  },
  // marketing (statistics)
  'statistics-raw-events': {
    schedule: 'daily',
    tables: ['stat_events'],
    description: {
      nl: 'Losse paginaweergaven en gebeurtenissen van onze eigen statistieken: 12 maanden na het bezoek verwijderd. Daarna blijven alleen dagtotalen (aantallen per dag, pagina, verwijzende site en gebeurtenis) over.',
      en: 'Individual page views and events of our own statistics: deleted 12 months after the visit. After that only daily totals (counts per day, page, referring site and event) remain.',
    },
  },
} as const satisfies Record<RetentionRuleName, { schedule: 'daily' | 'monthly'; tables: readonly string[]; description: Localized }>
export type RetentionRuleId = keyof typeof retentionRules

/** How long one location of personal data is kept. */
export type RetentionRule =
  /** Kept while the account exists; goes with it (erasure). */
  | { kind: 'account_lifetime' }
  /** Removed by a rule of `retentionRules`. */
  | { kind: 'rule'; rule: RetentionRuleId }
  /** Short-lived technical rows removed when they expire, by `maintenance.clean-up-expired`. */
  | { kind: 'until_expiry'; column: string }
  /** Kept as long as the record it belongs to (an order line with its order). */
  | { kind: 'with_parent'; table: string }

/** What erasing a member's account does to this data. */
export type ErasureAction =
  | { action: 'delete' }
  /** The row stays (someone else's record, or statistics) but the columns are overwritten. */
  | { action: 'anonymise'; set: Record<string, string | null> }
  /** Kept for a legal duty, unlinked from the account, until the date in `untilColumn`. */
  | { action: 'keep'; duty: Localized; untilColumn: string; unlink: string[] }
  /** Kept as long as the parent row is kept (deleted with it). */
  | { action: 'with_parent'; table: string }

/** How to find the rows of one member. */
export type SubjectLink =
  /** The column holds the member's `users.id`. */
  | { userColumn: string }
  /** The column holds the member's e-mail address. */
  | { emailColumn: string }
  /** The row belongs to a parent row that belongs to the member. */
  | { parent: { table: string; column: string } }
  /** Not linkable to a member (pseudonymised). */
  | { unlinkable: Localized }

export interface TableLocation {
  table: string
  /** The personal-data columns of this category in this table. */
  columns: string[]
  subject: SubjectLink
  retention: RetentionRule
  erasure: ErasureAction
}

export interface StorageLocation {
  /** Key prefix in the storage (`{userId}` is replaced by the member's id). */
  storagePrefix: string
  retention: RetentionRule
  erasure: ErasureAction
}

export type Location = TableLocation | StorageLocation

export const categoryIds = [
  'identity',
  'contact',
  'billing_address',
  'vat_number',
  'bank_account',
  'images',
  'login',
  'credentials',
  'sessions',
  'ip_address',
  'feedback',
  'course_progress',
  'course_access',
  'certificates',
  'bookings',
  'coach_profile',
  'orders',
  'payments',
  'invoices',
  'consent',
  'mail',
  'security_log',
  'staff_actions',
  'policy_notices',
  // privacy-rights (issue 11 §2): requests, objections, exports
  'privacy_rights',
  // marketing (statistics)
  'statistics',
  // marketing: newsletter subscribers and e-book requests
  'newsletter',
  // marketing (Messenger chat): the contact at ManyChat
  'chat',
  // privacy-leftovers: phone, company and address kept on the profile (art. 16)
  'profile_details',
] as const
export type CategoryId = (typeof categoryIds)[number]

export interface PersonalDataCategory {
  id: CategoryId
  label: Localized
  purpose: Localized
  legalBasis: LegalBasis
  recipients: RecipientId[]
  /** Shown on the privacy page; the rules themselves are per location. */
  retention: Localized
  /**
   * `include`: in the member's export. `secret`: never exported (password hashes, token hashes, TOTP
   * secrets): the export says that it exists, not what it is.
   */
  export: 'include' | 'secret'
  /** Held today somewhere (`stored` non-empty) or declared for a feature not built yet. */
  stored: Location[]
  /** Why the data may be kept or how it is protected, when that needs saying. */
  note?: Localized
}

const accountLifetime: RetentionRule = { kind: 'account_lifetime' }
const del: ErasureAction = { action: 'delete' }
const bookkeepingDuty: Localized = {
  nl: 'Fiscale bewaarplicht van 7 jaar (art. 52 AWR).',
  en: 'Seven-year tax record-keeping duty (art. 52 AWR, Dutch General Tax Act).',
}
/** Orders and invoices outlive an erased account for the bookkeeping duty; they lose the link to it. */
const keepForBookkeeping = (untilColumn: string, unlink: string[]): ErasureAction => ({
  action: 'keep',
  duty: bookkeepingDuty,
  untilColumn,
  unlink,
})
const ofOrder = { parent: { table: 'orders', column: 'order_id' } } as const
/** Rows of an order that was never paid and has no invoice go after 12 months (`visitor data`). */
const unpaidOrder12m: RetentionRule = { kind: 'rule', rule: 'abandoned-orders' }

export const personalDataCategories: PersonalDataCategory[] = [
  {
    id: 'identity',
    label: { nl: 'Naam en achternaam', en: 'First name and surname' },
    purpose: {
      nl: 'Je account, aanspreken in e-mails, facturen en certificaten.',
      en: 'Your account, addressing you in e-mails, invoices and certificates.',
    },
    legalBasis: 'contract',
    recipients: ['mail_provider', 'storage_host'],
    retention: { nl: 'Zolang je account bestaat.', en: 'As long as your account exists.' },
    export: 'include',
    stored: [{ table: 'users', columns: ['first_name', 'last_name'], subject: { userColumn: 'id' }, retention: accountLifetime, erasure: del }],
  },
  {
    id: 'contact',
    label: { nl: 'E-mailadres', en: 'E-mail address' },
    purpose: {
      nl: 'Inloggen, bevestigingen, facturen en (met je toestemming) de nieuwsbrief.',
      en: 'Logging in, confirmations, invoices and (with your consent) the newsletter.',
    },
    legalBasis: 'contract',
    recipients: ['mail_provider', 'mollie', 'storage_host'],
    retention: {
      nl: 'Zolang je account bestaat; bij een bestelling met factuur 7 jaar (fiscale bewaarplicht).',
      en: 'As long as your account exists; with an invoiced order 7 years (tax record-keeping duty).',
    },
    export: 'include',
    stored: [
      { table: 'users', columns: ['email'], subject: { userColumn: 'id' }, retention: accountLifetime, erasure: del },
      {
        table: 'user_tokens',
        columns: ['new_email'],
        subject: { userColumn: 'user_id' },
        retention: { kind: 'until_expiry', column: 'expires_at' },
        erasure: del,
      },
      {
        table: 'orders',
        columns: ['buyer_email'],
        subject: { userColumn: 'user_id' },
        retention: unpaidOrder12m,
        erasure: keepForBookkeeping('retain_until', ['user_id']),
      },
    ],
  },
  {
    id: 'profile_details',
    label: { nl: 'Telefoonnummer, bedrijf en adres in je profiel', en: 'Phone number, company and address in your profile' },
    purpose: {
      nl: 'Contact met je opnemen als dat nodig is, en je bestelgegevens vooraf invullen. Alleen als je ze zelf invult.',
      en: 'Contacting you when needed, and filling in your order details in advance. Only if you enter them yourself.',
    },
    legalBasis: 'contract',
    recipients: ['storage_host'],
    retention: { nl: 'Zolang je account bestaat; je kunt ze altijd wissen.', en: 'As long as your account exists; you can clear them at any time.' },
    export: 'include',
    stored: [
      {
        table: 'users',
        columns: ['phone', 'company', 'address_line', 'postal_code', 'city', 'country'],
        subject: { userColumn: 'id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  {
    id: 'billing_address',
    label: { nl: 'Naam, bedrijf en adres op bestellingen', en: 'Name, company and address on orders' },
    purpose: { nl: 'Bestellingen afhandelen en facturen opmaken.', en: 'Handling orders and drawing up invoices.' },
    legalBasis: 'legal_obligation',
    recipients: ['mollie', 'storage_host', 'tax_authority'],
    retention: {
      nl: 'Bestellingen met factuur: 7 jaar na het jaar van de factuur. Onbetaalde bestellingen zonder factuur: 12 maanden.',
      en: 'Invoiced orders: 7 years after the invoice year. Unpaid orders without an invoice: 12 months.',
    },
    export: 'include',
    stored: [
      {
        table: 'orders',
        columns: ['billing'],
        subject: { userColumn: 'user_id' },
        retention: unpaidOrder12m,
        erasure: keepForBookkeeping('retain_until', ['user_id']),
      },
    ],
  },
  {
    id: 'vat_number',
    label: { nl: 'Btw-nummer', en: 'VAT number' },
    purpose: {
      nl: 'Btw verleggen voor zakelijke kopers in de EU en dat op de factuur vermelden.',
      en: 'Reverse-charging VAT for business buyers in the EU and stating it on the invoice.',
    },
    legalBasis: 'legal_obligation',
    recipients: ['vies', 'tax_authority', 'storage_host'],
    retention: {
      nl: 'In je profiel zolang je account bestaat (je kunt het altijd wissen); op bestellingen 7 jaar na het jaar van de factuur (fiscale bewaarplicht). Versleuteld opgeslagen.',
      en: 'In your profile as long as your account exists (you can clear it at any time); on orders 7 years after the invoice year (tax record-keeping duty). Stored encrypted.',
    },
    export: 'include',
    note: { nl: 'Versleuteld per veld (AES-256-GCM).', en: 'Encrypted per field (AES-256-GCM).' },
    stored: [
      // privacy-processors: the member's own VAT number on the profile (art. 16), pre-fills the checkout
      { table: 'users', columns: ['vat_number_encrypted'], subject: { userColumn: 'id' }, retention: accountLifetime, erasure: del },
      {
        table: 'orders',
        columns: ['vat_number_encrypted', 'vat_check'],
        subject: { userColumn: 'user_id' },
        retention: unpaidOrder12m,
        erasure: keepForBookkeeping('retain_until', ['user_id']),
      },
    ],
  },
  {
    id: 'bank_account',
    label: { nl: 'Bankrekening- of kaartgegevens', en: 'Bank account or card details' },
    purpose: { nl: 'Betalen en terugbetalen.', en: 'Paying and refunding.' },
    legalBasis: 'contract',
    recipients: ['mollie'],
    retention: {
      nl: 'Wij slaan deze niet op: alleen Mollie verwerkt ze, volgens de wettelijke termijnen die voor Mollie gelden.',
      en: 'We do not store these: only Mollie processes them, under the statutory periods that apply to Mollie.',
    },
    export: 'include',
    note: {
      nl: 'Wij bewaren alleen Mollie’s betaling-id (zie "Betalingen"); je rekeningnummer of kaart blijft bij Mollie.',
      en: 'We keep only Mollie’s payment id (see "Payments"); your account number or card stays with Mollie.',
    },
    stored: [],
  },
  {
    id: 'images',
    label: { nl: 'Afbeeldingen waarop je herkenbaar bent', en: 'Images that identify you' },
    purpose: { nl: 'Je profiel en wat je in de community deelt.', en: 'Your profile and what you share in the community.' },
    legalBasis: 'consent',
    recipients: ['storage_host'],
    retention: { nl: 'Tot je ze verwijdert of je account opheft.', en: 'Until you remove them or close your account.' },
    export: 'include',
    stored: [{ storagePrefix: 'members/{userId}/', retention: accountLifetime, erasure: del }],
  },
  {
    id: 'login',
    label: { nl: 'Accountgegevens', en: 'Account details' },
    purpose: {
      nl: 'Je account beheren: rol, taal, bevestiging van je e-mailadres, tweestapsverificatie aan/uit.',
      en: 'Managing your account: role, language, e-mail confirmation, two-step verification on/off.',
    },
    legalBasis: 'contract',
    recipients: ['storage_host'],
    retention: { nl: 'Zolang je account bestaat.', en: 'As long as your account exists.' },
    export: 'include',
    stored: [
      {
        table: 'users',
        columns: ['id', 'role', 'locale', 'email_verified_at', 'totp_enabled_at', 'created_at', 'updated_at'],
        subject: { userColumn: 'id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  {
    id: 'credentials',
    label: { nl: 'Wachtwoord en tweede factor', en: 'Password and second factor' },
    purpose: { nl: 'Veilig inloggen.', en: 'Logging in securely.' },
    legalBasis: 'contract',
    recipients: ['storage_host'],
    retention: {
      nl: 'Zolang je account bestaat; links in e-mails verlopen na korte tijd.',
      en: 'As long as your account exists; links in e-mails expire after a short time.',
    },
    export: 'secret',
    note: {
      nl: 'Alleen als hash (argon2id / SHA-256) of versleuteld bewaard; nooit in een export.',
      en: 'Kept only hashed (argon2id / SHA-256) or encrypted; never in an export.',
    },
    stored: [
      {
        table: 'users',
        columns: ['password_hash', 'totp_secret', 'totp_last_used_step'],
        subject: { userColumn: 'id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'recovery_codes',
        columns: ['code_hash', 'used_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'user_tokens',
        columns: ['token_hash', 'purpose', 'used_at'],
        subject: { userColumn: 'user_id' },
        retention: { kind: 'until_expiry', column: 'expires_at' },
        erasure: del,
      },
    ],
  },
  {
    id: 'sessions',
    label: { nl: 'Sessies (ingelogde apparaten)', en: 'Sessions (signed-in devices)' },
    purpose: {
      nl: 'Ingelogd blijven en je apparaten tonen zodat je ze kunt afmelden.',
      en: 'Staying signed in and listing your devices so you can sign them out.',
    },
    legalBasis: 'contract',
    recipients: ['storage_host'],
    retention: { nl: 'Tot 30 dagen na laatste gebruik, hooguit 90 dagen.', en: 'Up to 30 days after last use, 90 days at most.' },
    export: 'include',
    stored: [
      {
        table: 'sessions',
        columns: ['user_agent', 'last_seen_at', 'reauthenticated_at', 'two_factor_verified', 'created_at', 'secret_hash', 'id'],
        subject: { userColumn: 'user_id' },
        retention: { kind: 'until_expiry', column: 'expires_at' },
        erasure: del,
      },
    ],
  },
  {
    id: 'ip_address',
    label: { nl: 'IP-adres (gepseudonimiseerd)', en: 'IP address (pseudonymised)' },
    purpose: {
      nl: 'Spampreventie en beveiliging: te veel pogingen vanaf één adres afremmen.',
      en: 'Spam prevention and security: slowing down too many attempts from one address.',
    },
    legalBasis: 'legitimate_interest',
    recipients: ['storage_host'],
    retention: {
      nl: 'Alleen als sleutel-hash (HMAC) in tellers die na hun tijdvenster vervallen, uiterlijk na 12 maanden verwijderd. Onze logbestanden bevatten geen IP-adressen.',
      en: 'Only as a keyed hash (HMAC) in counters that expire after their window, deleted after 12 months at the latest. Our logs hold no IP addresses.',
    },
    export: 'include',
    stored: [
      {
        table: 'rate_limits',
        columns: ['key', 'count', 'reset_at'],
        subject: {
          unlinkable: {
            nl: 'De sleutel is een HMAC van je IP- of e-mailadres: wij kunnen hem niet terugrekenen.',
            en: 'The key is an HMAC of your IP or e-mail address: we cannot reverse it.',
          },
        },
        retention: { kind: 'rule', rule: 'visitor-rate-limits' },
        erasure: del,
      },
    ],
  },
  {
    id: 'feedback',
    label: { nl: 'Reacties en feedback', en: 'Comments and feedback' },
    purpose: { nl: 'Reacties onder lessen en blogs, feedback op de diensten.', en: 'Comments under lessons and blogs, feedback on the services.' },
    legalBasis: 'consent',
    recipients: ['storage_host'],
    retention: {
      nl: 'Tot je ze verwijdert of je account opheft (je kiest dan: verwijderen of anoniem laten staan).',
      en: 'Until you delete them or close your account (you choose then: delete or keep anonymously).',
    },
    export: 'include',
    note: {
      nl: 'Je kunt een reactie altijd zelf verwijderen; de tekst is dan meteen weg (onder een gesprek blijft alleen "verwijderd" staan). Bij het opheffen van je account worden je reacties geleegd en van je account losgekoppeld.',
      en: 'You can always delete a comment yourself; its text is gone at once (under a conversation only "deleted" remains). When you close your account your comments are emptied and unlinked from it.',
    },
    stored: [
      // marketing (blog): comments under blog posts, reports of comments, comment blocks.
      {
        table: 'blog_comments',
        columns: ['post_id', 'author_id', 'parent_id', 'body', 'body_html', 'status', 'notify_replies', 'created_at', 'edited_at', 'deleted_at'],
        subject: { userColumn: 'author_id' },
        retention: accountLifetime,
        // Emptied and unlinked rather than deleted: other members' replies keep their place under it.
        erasure: { action: 'anonymise', set: { author_id: null, body: '', body_html: '' } },
      },
      {
        table: 'blog_comment_reports',
        columns: ['comment_id', 'reporter_id', 'reason', 'created_at', 'resolved_at'],
        subject: { userColumn: 'reporter_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'blog_comment_blocks',
        columns: ['user_id', 'blocked_by', 'reason', 'created_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  {
    id: 'course_progress',
    label: { nl: 'Voortgang in cursussen', en: 'Course progress' },
    purpose: { nl: 'Verdergaan waar je was en je certificaat bepalen.', en: 'Resuming where you were and deciding your certificate.' },
    legalBasis: 'contract',
    recipients: ['storage_host'],
    retention: { nl: 'Zolang je account bestaat.', en: 'As long as your account exists.' },
    export: 'include',
    stored: [
      {
        table: 'lesson_progress',
        columns: [
          'user_id',
          'lesson_id',
          'course_id',
          'position_seconds',
          'watched_ranges',
          'watched_seconds',
          'last_client_time',
          'completed_at',
          'updated_at',
        ],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  {
    id: 'course_access',
    label: { nl: 'Toegang tot cursussen', en: 'Course access' },
    purpose: { nl: 'Bijhouden welke cursussen je mag volgen en waarom.', en: 'Knowing which courses you may follow and why.' },
    legalBasis: 'contract',
    recipients: ['storage_host'],
    retention: { nl: 'Zolang je account bestaat.', en: 'As long as your account exists.' },
    export: 'include',
    stored: [
      {
        table: 'entitlements',
        columns: ['user_id', 'course_id', 'source', 'source_ref', 'granted_at', 'revoked_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  {
    id: 'certificates',
    label: { nl: 'Certificaten', en: 'Certificates' },
    purpose: {
      nl: 'Bewijs dat je een cursus hebt afgerond; wie de code heeft, ziet naam, cursus en datum.',
      en: 'Proof that you finished a course; whoever has the code sees name, course and date.',
    },
    legalBasis: 'contract',
    recipients: ['storage_host'],
    retention: { nl: 'Zolang je account bestaat.', en: 'As long as your account exists.' },
    export: 'include',
    stored: [
      {
        table: 'certificates',
        columns: ['user_id', 'course_id', 'code', 'recipient_name', 'issued_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  {
    id: 'bookings',
    label: { nl: 'Coachingtegoed en afspraken', en: 'Coaching credits and bookings' },
    purpose: { nl: 'Coachingsessies die je kocht en boekte.', en: 'Coaching sessions you bought and booked.' },
    legalBasis: 'contract',
    recipients: ['mail_provider', 'storage_host'],
    retention: {
      nl: 'Zolang je account bestaat; toekomstige afspraken worden geannuleerd bij opheffen.',
      en: 'As long as your account exists; future bookings are cancelled when you close it.',
    },
    export: 'include',
    stored: [
      // In this order: erasure deletes children before the rows they point to.
      {
        table: 'coaching_credit_extensions',
        columns: ['unit_id', 'previous_expires_at', 'expires_at', 'actor_user_id', 'created_at'],
        subject: { parent: { table: 'coaching_credit_units', column: 'unit_id' } },
        retention: { kind: 'with_parent', table: 'coaching_credit_units' },
        erasure: del,
      },
      {
        table: 'coaching_credit_units',
        columns: ['user_id', 'grant_entry_id', 'order_id', 'granted_at', 'expires_at', 'booking_id', 'spent_at', 'taken_back_at', 'taken_back_cause', 'expired_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'coaching_credits',
        columns: ['user_id', 'delta', 'reason', 'order_id', 'booking_id', 'actor_user_id', 'cause', 'note', 'created_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'coaching_bookings',
        columns: [
          'coach_id',
          'member_id',
          'session_type_id',
          'starts_at',
          'ends_at',
          'status',
          'credits',
          'topic',
          'lesson_id',
          'express_start_requested_at',
          'idempotency_key',
          'reschedule_count',
          'sequence',
          'created_at',
          'updated_at',
          'canceled_at',
          'canceled_by',
          'cancel_reason',
          'credit_returned',
          'coach_note',
          'shared_summary',
        ],
        subject: { userColumn: 'member_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'coaching_credit_balances',
        columns: ['user_id', 'credits'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'coaching_member_settings',
        columns: ['user_id', 'time_zone', 'updated_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        // The private calendar feed: the export says that one exists (and when it was made and last
        // fetched), never the token (`id` and `secret_hash` are in NEVER_EXPORTED).
        table: 'coaching_calendar_feeds',
        columns: ['id', 'user_id', 'secret_hash', 'created_at', 'last_fetched_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  {
    id: 'coach_profile',
    label: { nl: 'Coachprofiel', en: 'Coach profile' },
    purpose: {
      nl: 'Coaches stellen zich voor en geven aan wanneer en waar ze sessies geven.',
      en: 'Coaches introduce themselves and say when and where they hold sessions.',
    },
    legalBasis: 'contract',
    recipients: ['mail_provider', 'storage_host'],
    retention: { nl: 'Zolang je coach bent of je account bestaat.', en: 'As long as you are a coach or your account exists.' },
    export: 'include',
    note: {
      nl: 'De locatie (videolink, telefoon of adres) ziet alleen het lid dat een sessie boekte, in de mails en het agendabestand.',
      en: 'The location (video link, phone or address) is shown only to the member who booked, in the mails and the calendar file.',
    },
    stored: [
      {
        table: 'coaching_availability',
        columns: ['coach_id', 'weekday', 'start_minute', 'end_minute'],
        subject: { userColumn: 'coach_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'coaching_date_overrides',
        columns: ['coach_id', 'date', 'start_minute', 'end_minute'],
        subject: { userColumn: 'coach_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'coaching_session_types',
        columns: ['coach_id', 'title', 'duration_minutes', 'credits', 'active', 'position', 'created_at'],
        subject: { userColumn: 'coach_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        // The photo (WebP, EXIF stripped, 400×400) under its own prefix: exported and erased from here.
        storagePrefix: 'coaching/coaches/{userId}/',
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'coach_profiles',
        columns: [
          'user_id',
          'display_name',
          'bio_nl',
          'bio_en',
          'languages',
          'photo_key',
          'location_kind',
          'location_detail',
          'time_zone',
          'buffer_before_minutes',
          'buffer_after_minutes',
          'minimum_notice_minutes',
          'horizon_days',
          'max_sessions_per_day',
          'max_upcoming_per_member',
          'max_reschedules',
          'cancel_window_hours',
          'active',
          'created_at',
          'updated_at',
        ],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  {
    id: 'orders',
    label: { nl: 'Bestellingen', en: 'Orders' },
    purpose: { nl: 'Je aankopen leveren, terugbetalen en verantwoorden.', en: 'Delivering, refunding and accounting for your purchases.' },
    legalBasis: 'contract',
    recipients: ['mollie', 'storage_host', 'tax_authority'],
    retention: {
      nl: 'Met factuur: 7 jaar na het jaar van de factuur, losgekoppeld van je account als je het opheft. Onbetaald en zonder factuur: 12 maanden.',
      en: 'With an invoice: 7 years after the invoice year, unlinked from your account if you close it. Unpaid and without an invoice: 12 months.',
    },
    export: 'include',
    stored: [
      {
        table: 'orders',
        columns: [
          'id',
          'user_id',
          'request_id',
          'status',
          'currency',
          'locale',
          'coupon_id',
          'discount_cents',
          'total_excl_cents',
          'total_vat_cents',
          'total_cents',
          'reverse_charge',
          'mode',
          'withdrawal_waived_at',
          'paid_payment_id',
          'refunded_cents',
          'charged_back_cents',
          'paid_at',
          'created_at',
          'updated_at',
        ],
        subject: { userColumn: 'user_id' },
        retention: unpaidOrder12m,
        erasure: keepForBookkeeping('retain_until', ['user_id']),
      },
      {
        table: 'order_lines',
        columns: [
          'order_id',
          'product_id',
          'description',
          'quantity',
          'list_price_cents',
          'discount_cents',
          'amount_excl_cents',
          'vat_rate_basis_points',
          'vat_cents',
          'amount_cents',
          'course_id',
          'coaching_credits',
        ],
        subject: ofOrder,
        retention: { kind: 'with_parent', table: 'orders' },
        erasure: { action: 'with_parent', table: 'orders' },
      },
      {
        table: 'coupon_redemptions',
        columns: ['coupon_id', 'order_id', 'redeemed_at'],
        subject: ofOrder,
        retention: { kind: 'with_parent', table: 'orders' },
        erasure: { action: 'with_parent', table: 'orders' },
      },
    ],
  },
  {
    id: 'payments',
    label: { nl: 'Betalingen, terugbetalingen en terugboekingen', en: 'Payments, refunds and chargebacks' },
    purpose: { nl: 'Betalingen via Mollie volgen en geld terugstorten.', en: 'Following payments through Mollie and returning money.' },
    legalBasis: 'legal_obligation',
    recipients: ['mollie', 'storage_host', 'tax_authority'],
    retention: { nl: 'Zolang de bestelling bewaard wordt.', en: 'As long as the order is kept.' },
    export: 'include',
    stored: [
      {
        table: 'payments',
        columns: ['id', 'order_id', 'attempt', 'status', 'mode', 'amount_cents', 'currency', 'checkout_url', 'created_at', 'updated_at', 'last_checked_at', 'mismatch'],
        subject: ofOrder,
        retention: { kind: 'with_parent', table: 'orders' },
        erasure: { action: 'with_parent', table: 'orders' },
      },
      {
        table: 'refunds',
        columns: ['order_id', 'payment_id', 'mollie_refund_id', 'kind', 'amount_cents', 'status', 'reason', 'created_at', 'updated_at'],
        subject: ofOrder,
        retention: { kind: 'with_parent', table: 'orders' },
        erasure: { action: 'with_parent', table: 'orders' },
      },
      {
        table: 'chargebacks',
        columns: ['id', 'order_id', 'payment_id', 'amount_cents', 'counted_cents', 'ended_course', 'sessions_lapsed', 'created_at', 'recorded_at'],
        subject: ofOrder,
        retention: { kind: 'with_parent', table: 'orders' },
        erasure: { action: 'with_parent', table: 'orders' },
      },
      {
        table: 'chargeback_reversals',
        columns: ['chargeback_id', 'order_id', 'amount_cents', 'reversed_at', 'recorded_at', 'access_restored_at'],
        subject: ofOrder,
        retention: { kind: 'with_parent', table: 'orders' },
        erasure: { action: 'with_parent', table: 'orders' },
      },
    ],
  },
  {
    id: 'invoices',
    label: { nl: 'Facturen en creditnota’s', en: 'Invoices and credit notes' },
    purpose: { nl: 'Wettelijk verplichte administratie.', en: 'Statutory bookkeeping.' },
    legalBasis: 'legal_obligation',
    recipients: ['storage_host', 'tax_authority'],
    retention: {
      nl: '7 jaar na het einde van het jaar van uitgifte; daarna automatisch verwijderd (met de pdf).',
      en: '7 years after the end of the year of issue; then deleted automatically (with the PDF).',
    },
    export: 'include',
    note: {
      nl: 'Een uitgegeven factuur wordt nooit herschreven; bij opheffen van je account wordt ze alleen losgekoppeld.',
      en: 'An issued invoice is never rewritten; when you close your account it is only unlinked.',
    },
    stored: [
      {
        table: 'invoices',
        columns: [
          'id',
          'kind',
          'number',
          'year',
          'sequence',
          'order_id',
          'user_id',
          'refund_id',
          'chargeback_id',
          'corrects_invoice_id',
          'issue_date',
          'supply_date',
          'total_excl_cents',
          'total_vat_cents',
          'total_cents',
          'document',
          'buyer_vat_number_encrypted',
          'retain_until',
          'created_at',
        ],
        subject: { userColumn: 'user_id' },
        retention: { kind: 'rule', rule: 'expired-invoices' },
        erasure: keepForBookkeeping('retain_until', ['user_id']),
      },
      {
        table: 'invoice_pdfs',
        columns: ['invoice_id', 'pdf', 'sha256', 'created_at'],
        subject: { parent: { table: 'invoices', column: 'invoice_id' } },
        retention: { kind: 'with_parent', table: 'invoices' },
        erasure: { action: 'with_parent', table: 'invoices' },
      },
    ],
  },
  {
    id: 'consent',
    label: { nl: 'Toestemmingen', en: 'Consent records' },
    purpose: {
      nl: 'Aantonen waarvoor je toestemming gaf of die introk (nieuwsbrief, statistieken), met tekstversie, tijd en kanaal.',
      en: 'Showing what you consented to or withdrew (newsletter, statistics), with text version, time and channel.',
    },
    legalBasis: 'legal_obligation',
    recipients: ['storage_host'],
    retention: {
      nl: 'Zolang je account bestaat; voor bezoekers zonder account 12 maanden.',
      en: 'As long as your account exists; for visitors without an account 12 months.',
    },
    export: 'include',
    stored: [
      { table: 'users', columns: ['newsletter_consent_at'], subject: { userColumn: 'id' }, retention: accountLifetime, erasure: del },
      {
        table: 'consent_records',
        columns: ['user_id', 'browser_id', 'purpose', 'granted', 'text_version', 'channel', 'created_at'],
        subject: { userColumn: 'user_id' },
        retention: { kind: 'rule', rule: 'visitor-consent' },
        erasure: del,
      },
    ],
    note: {
      nl: 'Van bezoekers bewaren we alleen een willekeurige browser-id, geen IP-adres.',
      en: 'For visitors we keep only a random browser id, no IP address.',
    },
  },
  {
    id: 'mail',
    label: { nl: 'Verzonden e-mails', en: 'E-mails sent to you' },
    purpose: { nl: 'E-mails betrouwbaar bezorgen en bij problemen nagaan wat verstuurd is.', en: 'Delivering e-mails reliably and checking what was sent.' },
    legalBasis: 'legitimate_interest',
    recipients: ['mail_provider', 'storage_host'],
    retention: { nl: '12 maanden na verzending.', en: '12 months after sending.' },
    export: 'include',
    stored: [
      {
        table: 'mail_outbox',
        columns: ['to', 'template', 'subject', 'text', 'html', 'attachments', 'headers', 'dedupe_key', 'status', 'last_error', 'sent_at', 'created_at'],
        subject: { emailColumn: 'to' },
        retention: { kind: 'rule', rule: 'sent-mail' },
        erasure: del,
      },
    ],
  },
  {
    id: 'security_log',
    label: { nl: 'Beveiligings- en privacylog', en: 'Security and privacy log' },
    purpose: {
      nl: 'Vastleggen wie wat aan je account deed en wie je gegevens inzag (dat zie je zelf ook).',
      en: 'Recording who did what to your account and who viewed your data (you see this too).',
    },
    legalBasis: 'legitimate_interest',
    recipients: ['storage_host'],
    retention: {
      nl: 'Zolang je account bestaat; na opheffen blijft de regel zonder koppeling aan jou.',
      en: 'As long as your account exists; after closing it the row stays without a link to you.',
    },
    export: 'include',
    stored: [
      {
        table: 'audit_log',
        columns: ['subject_user_id', 'action', 'details', 'created_at'],
        subject: { userColumn: 'subject_user_id' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { subject_user_id: null, details: '{}' } },
      },
    ],
  },
  {
    id: 'staff_actions',
    label: { nl: 'Handelingen van medewerkers', en: 'Staff actions' },
    purpose: {
      nl: 'Verantwoording: welke medewerker toegang gaf, een kortingscode maakte of een terugbetaling vroeg.',
      en: 'Accountability: which staff member granted access, made a coupon or asked for a refund.',
    },
    legalBasis: 'legitimate_interest',
    recipients: ['storage_host'],
    retention: {
      nl: 'Zolang het dossier bestaat; na opheffen van het medewerkersaccount losgekoppeld.',
      en: 'As long as the record exists; unlinked when the staff account is closed.',
    },
    export: 'include',
    stored: [
      {
        table: 'blog_posts',
        columns: ['author_id'],
        subject: { userColumn: 'author_id' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { author_id: null } },
      },
      {
        table: 'audit_log',
        columns: ['actor_user_id'],
        subject: { userColumn: 'actor_user_id' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { actor_user_id: null } },
      },
      {
        table: 'entitlements',
        columns: ['granted_by', 'revoked_by'],
        subject: { userColumn: 'granted_by' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { granted_by: null, revoked_by: null } },
      },
      {
        table: 'coupons',
        columns: ['created_by'],
        subject: { userColumn: 'created_by' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { created_by: null } },
      },
      {
        table: 'refunds',
        columns: ['requested_by'],
        subject: { userColumn: 'requested_by' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { requested_by: null } },
      },
      {
        table: 'privacy_policy_versions',
        columns: ['published_by'],
        subject: { userColumn: 'published_by' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { published_by: null } },
      },
      // privacy-rights: who resolved a privacy request, who did the authorisations review
      {
        table: 'privacy_requests',
        columns: ['resolved_by'],
        subject: { userColumn: 'resolved_by' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { resolved_by: null } },
      },
      {
        table: 'staff_reviews',
        columns: ['reviewed_by'],
        subject: { userColumn: 'reviewed_by' },
        retention: accountLifetime,
        erasure: { action: 'anonymise', set: { reviewed_by: null } },
      },
    ],
  },
  {
    id: 'policy_notices',
    label: { nl: 'Gelezen privacyverklaringen', en: 'Privacy statements you were shown' },
    purpose: {
      nl: 'Je eenmaal wijzen op een nieuwe versie van deze verklaring.',
      en: 'Pointing you once to a new version of this statement.',
    },
    legalBasis: 'legal_obligation',
    recipients: ['storage_host'],
    retention: { nl: 'Zolang je account bestaat.', en: 'As long as your account exists.' },
    export: 'include',
    stored: [
      {
        table: 'privacy_policy_acknowledgements',
        columns: ['user_id', 'version', 'seen_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
  // privacy-rights (issue 11 §2): what the member asked and the state it set
  {
    id: 'privacy_rights',
    label: { nl: 'Je privacyverzoeken en -keuzes', en: 'Your privacy requests and choices' },
    purpose: {
      nl: 'Je rechten uitvoeren (inzage, bezwaar, beperking, verwijdering) en kunnen aantonen dat we dat deden.',
      en: 'Carrying out your rights (access, objection, restriction, erasure) and being able to show that we did.',
    },
    legalBasis: 'legal_obligation',
    recipients: ['storage_host', 'mail_provider'],
    retention: {
      nl: 'Verzoeken en keuzes zolang je account bestaat; een downloadarchief 7 dagen.',
      en: 'Requests and choices as long as your account exists; a download archive 7 days.',
    },
    export: 'include',
    stored: [
      {
        table: 'privacy_requests',
        columns: ['user_id', 'kind', 'status', 'message', 'created_at', 'due_at', 'resolved_at', 'outcome'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        // The request stays as proof it was answered (art. 5(2)), without anything about the member.
        erasure: { action: 'anonymise', set: { user_id: null, message: null, outcome: null } },
      },
      {
        // privacy-processors: a task to tell a processor (the mail provider, ManyChat) where it holds the
        // member's data must still say so after the erasure; cleared when an admin resolves the task.
        table: 'privacy_requests',
        columns: ['processor', 'processor_cause', 'processor_ref'],
        subject: { userColumn: 'user_id' },
        retention: { kind: 'until_expiry', column: 'resolved_at' },
        erasure: {
          action: 'keep',
          duty: {
            nl: 'Het adres dat een verwerker nodig heeft om je gegevens te wissen, tot die taak is afgerond (art. 17 lid 2 en art. 19 AVG).',
            en: 'The address a processor needs to erase your data, until that task is done (GDPR art. 17(2) and 19).',
          },
          untilColumn: 'resolved_at',
          unlink: [],
        },
      },
      {
        table: 'privacy_settings',
        columns: ['user_id', 'statistics_objected_at', 'restricted_at', 'updated_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
      {
        table: 'data_exports',
        columns: ['user_id', 'status', 'progress', 'storage_key', 'size_bytes', 'requested_at', 'started_at', 'ready_at', 'expires_at', 'downloaded_at'],
        subject: { userColumn: 'user_id' },
        retention: { kind: 'until_expiry', column: 'expires_at' },
        erasure: del,
      },
      { storagePrefix: 'privacy/exports/{userId}/', retention: accountLifetime, erasure: del },
    ],
  },
  // marketing (statistics): first-party counting without cookies (packages/api/src/marketing/stats/)
  {
    id: 'statistics',
    label: { nl: 'Bezoekstatistieken (zonder cookies)', en: 'Visit statistics (without cookies)' },
    purpose: {
      nl: 'Tellen hoeveel mensen welke pagina’s bezoeken en hoeveel er het e-book aanvragen, een account maken en kopen, zodat we de site verbeteren. In plaats van Google Analytics, op onze eigen server.',
      en: 'Counting how many people visit which pages and how many request the e-book, create an account and buy, so that we can improve the site. Instead of Google Analytics, on our own server.',
    },
    legalBasis: 'legitimate_interest',
    recipients: ['storage_host'],
    retention: {
      nl: 'We bewaren geen IP-adres en zetten geen cookie. Zolang de privacyverklaring belooft dat we alleen met toestemming meten, tellen we alleen wie statistieken aanzet in de cookiekeuze. Een bezoeker is een hash van (een willekeurig zout van die dag, de site, het IP-adres en de browser); het zout wordt na die dag gewist, zodat niemand, ook wij niet, bezoeken van twee dagen aan elkaar kan koppelen of de hash kan terugrekenen. Losse weergaven worden na 12 maanden verwijderd; dagtotalen zonder hash blijven. Met Do Not Track of Global Privacy Control aan, na “nee” tegen statistieken in de cookiekeuze, of na bezwaar in je privacycentrum, tellen we je niet.',
      en: 'We store no IP address and set no cookie. As long as the privacy statement promises statistics only with consent, we count only those who switch statistics on in the cookie choice. A visitor is a hash of (a random salt of that day, the site, the IP address and the browser); the salt is erased after that day, so nobody, ourselves included, can link visits of two days or reverse the hash. Individual views are deleted after 12 months; daily totals without a hash remain. With Do Not Track or Global Privacy Control on, after “no” to statistics in the cookie choice, or after an objection in your privacy centre, we do not count you.',
    },
    export: 'include',
    stored: [
      {
        table: 'stat_events',
        columns: ['visitor_hash'],
        subject: {
          unlinkable: {
            nl: 'De hash hangt aan een zout dat na de dag is gewist: niet te koppelen aan jou of je account.',
            en: 'The hash depends on a salt erased after the day: it cannot be linked to you or your account.',
          },
        },
        retention: { kind: 'rule', rule: 'statistics-raw-events' },
        erasure: del,
      },
    ],
  },
  {
    id: 'newsletter',
    label: { nl: 'Nieuwsbrief en gratis e-book', en: 'Newsletter and free e-book' },
    purpose: {
      nl: 'Je de nieuwsbrief sturen als je daarvoor hebt gekozen (dubbele bevestiging), en je het gratis e-book laten downloaden. Geen open- of kliktracking.',
      en: 'Sending you the newsletter if you chose it (double opt-in), and letting you download the free e-book. No open or click tracking.',
    },
    legalBasis: 'consent',
    recipients: ['mail_provider', 'storage_host'],
    retention: {
      nl: 'Tot je je afmeldt; afgemelde adressen worden elke maand verwijderd. E-bookaanvragen: onbevestigd 30 dagen, bevestigd 12 maanden.',
      en: 'Until you unsubscribe; unsubscribed addresses are deleted every month. E-book requests: unconfirmed 30 days, confirmed 12 months.',
    },
    export: 'include',
    stored: [
      {
        table: 'newsletter_subscribers',
        columns: ['email', 'first_name', 'locale', 'source', 'status', 'consent_text_version', 'confirmed_at', 'unsubscribed_at', 'suppressed_at', 'created_at', 'updated_at'],
        subject: { emailColumn: 'email' },
        retention: { kind: 'rule', rule: 'newsletter-unsubscribed' },
        erasure: del,
      },
      {
        table: 'newsletter_deliveries',
        columns: ['status', 'queued_at'],
        subject: { parent: { table: 'newsletter_subscribers', column: 'subscriber_id' } },
        retention: { kind: 'with_parent', table: 'newsletter_subscribers' },
        erasure: { action: 'with_parent', table: 'newsletter_subscribers' },
      },
      {
        table: 'ebook_requests',
        columns: ['email', 'first_name', 'locale', 'wants_newsletter', 'confirmed_at', 'created_at'],
        subject: { emailColumn: 'email' },
        retention: { kind: 'rule', rule: 'ebook-requests' },
        erasure: del,
      },
      {
        table: 'ebook_download_grants',
        columns: ['locale', 'downloads_left', 'expires_at', 'created_at'],
        subject: { parent: { table: 'ebook_requests', column: 'request_id' } },
        retention: { kind: 'with_parent', table: 'ebook_requests' },
        erasure: { action: 'with_parent', table: 'ebook_requests' },
      },
    ],
  },
  // marketing (Messenger chat): packages/api/src/marketing/chat/ (only with MANYCHAT_API_KEY)
  {
    id: 'chat',
    label: { nl: 'Chat via Messenger (ManyChat)', en: 'Chat on Messenger (ManyChat)' },
    purpose: {
      nl: 'Met je chatten via Facebook Messenger: als je daar apart toestemming voor geeft in je privacycentrum, sturen we je naam en e-mailadres (niets meer) naar ManyChat, zodat we je in de chat herkennen.',
      en: 'Chatting with you on Facebook Messenger: if you give separate consent in your privacy centre, we send your name and e-mail address (nothing more) to ManyChat, so that we recognise you in the chat.',
    },
    legalBasis: 'consent',
    recipients: ['manychat', 'storage_host'],
    retention: {
      nl: 'Tot je je toestemming intrekt of je account verwijdert: dan wissen we naam en e-mailadres bij ManyChat en verwijdert een beheerder het contact daar (je ziet die taak met de uiterste datum in je privacycentrum). Wat je zelf in Messenger schrijft, valt onder het beleid van Meta en ManyChat.',
      en: 'Until you withdraw your consent or delete your account: then we erase name and e-mail address at ManyChat and an admin deletes the contact there (you see that task with its due date in your privacy centre). What you write in Messenger yourself falls under Meta’s and ManyChat’s policies.',
    },
    export: 'include',
    stored: [
      {
        table: 'chat_contacts',
        columns: ['user_id', 'subscriber_id', 'state', 'attempts', 'last_error', 'next_attempt_at', 'synced_at', 'removed_at', 'removal_request_id', 'created_at', 'updated_at'],
        subject: { userColumn: 'user_id' },
        retention: accountLifetime,
        erasure: del,
      },
    ],
  },
]

/**
 * Tables without personal data, with the reason. A table here must not appear in a category.
 */
export const tablesFreeOfPersonalData: Record<string, string> = {
  seed_runs: 'names of one-time seed steps',
  courses: 'course content',
  course_modules: 'course content',
  lessons: 'course content (media keys point to course media, not member uploads)',
  products: 'the catalogue',
  invoice_counters: 'one sequence number per year',
  privacy_retention_runs: 'counts per table and errors of retention runs; no row contents',
  privacy_key_rotations: 'runs of the field-encryption key rotation: key ids and counts per column; no values, no member ids (who started it is in the audit log)',
  // marketing (statistics)
  stat_salts: 'one random salt per day, used for that day’s visitor hashes and deleted after the day; no data about anyone',
  stat_daily: 'daily totals (counts of visitors, page views, referring hosts and events); no hashes, no visitor-level rows',
  newsletters: 'newsletter texts written by staff (created_by points to a staff account) and send counters',
  account_erasures:
    'the erasure schedule: a random account id, dates and step names, no contents; kept after the erasure as proof it was done (the id then points to nobody)',
}

/**
 * Columns of tables holding personal data that are not personal data themselves (keys, counters,
 * technical state). Every column of a registered table is either in a category or listed here.
 */
export const nonPersonalColumns: Record<string, string[]> = {
  sessions: ['user_id', 'expires_at', 'absolute_expires_at'],
  user_tokens: ['id', 'user_id', 'expires_at', 'created_at'],
  recovery_codes: ['id', 'user_id', 'created_at'],
  audit_log: ['id'],
  mail_outbox: ['id', 'seq', 'attempts', 'next_attempt_at', 'from_address'],
  entitlements: ['id'],
  certificates: ['id'],
  coupons: [
    'id',
    'code',
    'kind',
    'percent_off',
    'amount_off_cents',
    'valid_from',
    'valid_until',
    'max_redemptions',
    'redemption_count',
    'product_ids',
    'active',
    'created_at',
  ],
  // Set while a Mollie create call is under way (webhooks for ids not stored yet): technical state.
  orders: ['payment_creation_started_at'],
  order_lines: ['id'],
  coupon_redemptions: ['id'],
  coaching_credits: ['id'],
  coaching_credit_units: ['id'],
  coaching_bookings: ['id'],
  coaching_availability: ['id'],
  coaching_date_overrides: ['id'],
  coaching_session_types: ['id'],
  refunds: ['id'],
  consent_records: ['id'],
  privacy_policy_versions: [
    'version',
    'published_at',
    'title_nl',
    'title_en',
    'body_nl',
    'body_en',
    'changes_nl',
    'changes_en',
    'created_at',
  ],
  privacy_policy_acknowledgements: [],
  privacy_requests: ['id', 'dedupe_key'],
  privacy_settings: [],
  staff_reviews: ['id', 'reviewed_at', 'note'],
  data_exports: ['id'],
  // marketing (statistics): what was viewed and when, never by whom
  stat_events: ['id', 'name', 'occurred_at', 'day', 'path', 'referrer_host'],
  // marketing (newsletter, e-book)
  newsletter_subscribers: ['id', 'user_id', 'confirm_token_hash', 'confirm_expires_at', 'unsubscribe_token'],
  ebook_requests: ['id', 'user_id', 'confirm_token_hash', 'confirm_expires_at'],
  ebook_download_grants: ['id', 'request_id'],
  newsletter_deliveries: ['newsletter_id', 'subscriber_id'],
  blog_posts: ['id', 'slug', 'title', 'summary', 'body_markdown', 'cover_image_key', 'tags', 'status', 'publish_at', 'language', 'created_at', 'updated_at'],
  blog_comments: ['id'],
  newsletter_subscriber_counts: ['status', 'count'],
}

/** Cookies and browser storage the site sets; the cookie list on /privacy is generated from this. */
export type CookiePurpose = 'necessary' | 'statistics' | 'chat'
export interface CookieDeclaration {
  name: string
  purpose: CookiePurpose
  /** `cookie` or `localStorage`. */
  kind: 'cookie' | 'localStorage'
  description: Localized
  lifetime: Localized
  firstParty: true
}

export const cookies: CookieDeclaration[] = [
  {
    name: 'jb_session',
    purpose: 'necessary',
    kind: 'cookie',
    description: { nl: 'Houdt je ingelogd (HttpOnly, alleen over https). Alleen na inloggen.', en: 'Keeps you signed in (HttpOnly, https only). Only after logging in.' },
    lifetime: { nl: '30 dagen na laatste gebruik, hooguit 90 dagen', en: '30 days after last use, 90 days at most' },
    firstParty: true,
  },
  {
    name: 'jb_device',
    purpose: 'necessary',
    kind: 'cookie',
    description: {
      nl: 'Herkent deze browser als een waarop je eerder inlogde, zodat mislukte inlogpogingen van anderen jou niet buitensluiten (HttpOnly, alleen bij inloggen verstuurd). Bevat per account een willekeurige code met een handtekening; wij bewaren er niets van.',
      en: 'Recognises this browser as one you logged in on before, so other people’s failed log-in attempts do not lock you out (HttpOnly, sent only when logging in). Holds a random code with a signature per account; we store nothing of it.',
    },
    lifetime: { nl: '12 maanden na de laatste keer inloggen', en: '12 months after your last log-in' },
    firstParty: true,
  },
  {
    name: 'jouwbot.language',
    purpose: 'necessary',
    kind: 'localStorage',
    description: { nl: 'Onthoudt je taalkeuze (Nederlands/Engels) als je die maakt.', en: 'Remembers your language (Dutch/English) when you choose one.' },
    lifetime: { nl: 'Tot je het wist', en: 'Until you clear it' },
    firstParty: true,
  },
  {
    name: 'jouwbot.consent',
    purpose: 'necessary',
    kind: 'localStorage',
    description: {
      nl: 'Onthoudt je cookiekeuzes en een willekeurige browser-id waarmee we je keuze vastleggen.',
      en: 'Remembers your cookie choices and a random browser id with which we record your choice.',
    },
    lifetime: { nl: '12 maanden', en: '12 months' },
    firstParty: true,
  },
  {
    name: 'jb_prefs',
    purpose: 'necessary',
    kind: 'cookie',
    description: {
      nl: 'Een kopie van je taalkeuze en van het feit dat je de cookievraag beantwoordde (niet wat je koos), zodat onze server de pagina meteen in jouw taal en zonder cookiemelding stuurt. Geen id, geen persoonsgegevens. Alleen als je een keuze maakte.',
      en: 'A copy of your language choice and of the fact that you answered the cookie question (not what you chose), so our server sends the page in your language and without the cookie notice right away. No id, no personal data. Only once you made a choice.',
    },
    lifetime: { nl: '12 maanden, verlengd bij elke wijziging', en: '12 months, renewed on every change' },
    firstParty: true,
  },
  {
    name: 'jouwbot.playbackRate, jouwbot.captions',
    purpose: 'necessary',
    kind: 'localStorage',
    description: {
      nl: 'Onthoudt de afspeelsnelheid en ondertiteling die je in de videospeler kiest.',
      en: 'Remembers the playback speed and captions you choose in the video player.',
    },
    lifetime: { nl: 'Tot je het wist', en: 'Until you clear it' },
    firstParty: true,
  },
  {
    name: 'jb_stats',
    purpose: 'statistics',
    kind: 'cookie',
    description: {
      nl: 'Zegt onze server dat je statistieken hebt toegestaan, zodat ook de blogpagina’s (die geen script draaien) je bezoek mogen tellen. De willekeurige id erin lezen of bewaren we niet. Alleen na toestemming.',
      en: 'Tells our server you allowed statistics, so the blog pages (which run no script) may count your visit too. We neither read nor store the random id in it. Only after consent.',
    },
    lifetime: { nl: '12 maanden', en: '12 months' },
    firstParty: true,
  },
]

/** The purposes a visitor or member can consent to (the cookie dialog's switches, the consent log). */
export { consentPurposes, type ConsentPurposeName as ConsentPurpose } from '@jouwbot/shared'

/** Where a location of personal data is stored, for messages and the privacy page. */
export function describeLocation(location: Location): string {
  return 'table' in location ? `${location.table}.{${location.columns.join(', ')}}` : `storage: ${location.storagePrefix}`
}

/** Every table location of every category (export and erasure walk these). */
export function tableLocations(): (TableLocation & { category: CategoryId })[] {
  return personalDataCategories.flatMap((category) =>
    category.stored.filter((l): l is TableLocation => 'table' in l).map((l) => ({ ...l, category: category.id })),
  )
}

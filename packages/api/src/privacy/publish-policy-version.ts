import { asc, privacyPolicyVersions, sql, users } from '@jouwbot/db'
import { enqueueMail } from '@jouwbot/mail'
import type { PublishPolicyInput } from '@jouwbot/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export interface PublishPolicyOptions {
  text: PublishPolicyInput
  /** The admin who publishes; null for the version shipped with the code (seed). */
  publishedBy: string | null
  /** Mail every member about the change (through the outbox, once per member and version). */
  notify: boolean
}

/**
 * Publishes the next version of the privacy statement. In one transaction: the version row, the audit
 * row and, when `notify`, a mail per member (deduplicated per member and version). Members also see a
 * notice on their next visit (`getPolicyNotice`) until they close it.
 */
/** What publishing needs (the first start prepares the database with just these, in a child process). */
export type PublishPolicyDeps = Pick<AppDeps, 'db' | 'clock' | 'appOrigin' | 'seller' | 'onMailQueued'>

export async function publishPolicyVersion(
  deps: PublishPolicyDeps,
  options: PublishPolicyOptions,
): Promise<{ version: number; notified: number }> {
  const now = deps.clock.now()
  const result = await inTransaction(deps, async (tx) => {
    // Serialise publishers: the next number is max + 1, and the primary key refuses a second one anyway.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext('privacy_policy_versions'))`)
    const [last] = await tx.db.select({ max: sql<number | null>`max(${privacyPolicyVersions.version})` }).from(privacyPolicyVersions)
    const version = (last?.max ?? 0) + 1
    const { text } = options
    await tx.db.insert(privacyPolicyVersions).values({ version, publishedAt: now, publishedBy: options.publishedBy, ...text, createdAt: now })
    await recordAudit(tx.db, { actorUserId: options.publishedBy, subjectUserId: null, action: 'privacy.policy_published', details: { version } }, now)
    let notified = 0
    if (options.notify) {
      const members = await tx.db
        .select({ id: users.id, email: users.email, firstName: users.firstName, locale: users.locale })
        .from(users)
        .orderBy(asc(users.createdAt))
      for (const member of members) {
        const locale = member.locale === 'en' ? 'en' : 'nl'
        await enqueueMail(
          tx.db,
          {
            to: member.email,
            template: 'privacyPolicyChanged',
            locale,
            params: {
              firstName: member.firstName,
              version,
              changes: locale === 'en' ? text.changesEn : text.changesNl,
              url: `${deps.appOrigin}/privacy`,
            },
            seller: deps.seller,
            dedupeKey: `privacy-policy:v${version}:${member.id}`,
          },
          now,
        )
        notified += 1
      }
    }
    return { version, notified }
  })
  if (result.notified > 0) deps.onMailQueued?.()
  return result
}

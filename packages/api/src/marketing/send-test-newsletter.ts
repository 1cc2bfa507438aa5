import type { UserRow } from '@jouwbot/auth'
import { enqueueRenderedMail, renderNewsletterMail } from '@jouwbot/mail'
import type { AppDeps } from '../deps.ts'
import { link, newsletterSettings } from './links.ts'
import { getNewsletter } from './list-newsletters.ts'
import { renderNewsletterHtml, renderNewsletterText } from './render-newsletter.ts'
import { newsletterHeaders } from './send-newsletter.ts'

/** Sends the newsletter as it stands to the staff member's own address only (marked as a test). */
export async function sendTestNewsletter(deps: AppDeps, { id, staff }: { id: string; staff: Pick<UserRow, 'email'> }): Promise<{ to: string }> {
  const newsletter = await getNewsletter(deps, { id })
  const settings = newsletterSettings(deps)
  const locale = newsletter.locale === 'en' ? 'en' : 'nl'
  const mail = renderNewsletterMail({
    locale,
    subject: `[TEST] ${newsletter.subject}`,
    bodyHtml: renderNewsletterHtml(newsletter.bodyMarkdown),
    bodyText: renderNewsletterText(newsletter.bodyMarkdown),
    unsubscribeUrl: link(deps.appOrigin, '/nieuwsbrief/afmelden', { token: 'test' }),
    archiveUrl: link(deps.appOrigin, `/nieuwsbrief/${newsletter.slug}`),
    seller: deps.seller,
  })
  await enqueueRenderedMail(deps.db, { to: staff.email, template: 'newsletterTest', ...mail, from: settings.from, headers: newsletterHeaders(deps.appOrigin, settings.unsubscribeMailto, 'test') }, deps.clock.now())
  deps.onMailQueued?.()
  return { to: staff.email }
}

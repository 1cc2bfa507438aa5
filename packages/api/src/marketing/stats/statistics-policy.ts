import { privacyPolicyVersions, desc, lte, sql, type DbOrTx } from '@jouwbot/db'
import { policyV2, type PolicyText } from '../../privacy/policy/texts.ts'

/**
 * Counting without consent must be what the privacy statement in force says. Version 2 (published)
 * promises statistics "only if you consent"; cookieless counting of everyone (legitimate interest, as
 * Plausible does) is only done once a statement containing these exact sentences is in force. Until
 * then only visitors who switched statistics on in the cookie dialog are counted (the beacon says so),
 * and the service events count without any visitor hash.
 */
export const COOKIELESS_SENTENCE_NL = 'Daarvoor vragen we geen toestemming (gerechtvaardigd belang): we plaatsen geen cookie en bewaren geen IP-adres.'
export const COOKIELESS_SENTENCE_EN = 'We do not ask for consent for this (legitimate interest): we set no cookie and store no IP address.'

const STATISTICS_NL = [
  '## Statistieken',
  'Wij gebruiken geen Google Analytics. We tellen bezoek met onze eigen statistieken, op onze eigen server, zonder cookies en zonder je IP-adres te bewaren: per dag maken we van je IP-adres en browser een hash met een willekeurig zout dat na die dag wordt gewist, zodat niemand (ook wij niet) bezoeken van verschillende dagen aan elkaar kan koppelen of de hash kan terugrekenen. ' +
    COOKIELESS_SENTENCE_NL +
    ' Staat Do Not Track of Global Privacy Control aan in je browser, zeg je in de cookiekeuze nee tegen statistieken, of maak je in je account bezwaar, dan tellen we je niet. Losse weergaven verwijderen we na 12 maanden; daarna blijven alleen dagtotalen over. Er gaan geen gegevens naar derden.',
].join('\n')
const STATISTICS_EN = [
  '## Statistics',
  'We do not use Google Analytics. We count visits with our own statistics, on our own server, without cookies and without storing your IP address: each day we make a hash of your IP address and browser with a random salt that is erased after that day, so nobody (ourselves included) can link visits on different days or reverse the hash. ' +
    COOKIELESS_SENTENCE_EN +
    ' If Do Not Track or Global Privacy Control is on in your browser, if you say no to statistics in the cookie choice, or if you object in your account, we do not count you. Individual views are deleted after 12 months; after that only daily totals remain. No data goes to third parties.',
].join('\n')

function replaceSection(body: string, heading: string, next: string, section: string): string {
  const start = body.indexOf(`${heading}\n`)
  const end = body.indexOf(`\n\n${next}\n`, start)
  if (start < 0 || end < 0) throw new Error(`statistics policy: section "${heading}" not found`)
  return body.slice(0, start) + section + body.slice(end)
}

/**
 * A ready text for the next statement (the owner decides when to publish it: add it to
 * `seedPrivacyPolicy`, which mails every member, or publish it from /admin/privacy). It is version 2
 * with the statistics section describing the cookieless counting and the cookie section saying that
 * only statistics with a cookie need consent.
 */
export const statisticsPolicyText: Omit<PolicyText, 'publishedAt' | 'version'> = {
  titleNl: policyV2.titleNl,
  titleEn: policyV2.titleEn,
  bodyNl: replaceSection(policyV2.bodyNl, '## Statistieken', '## Cookies', STATISTICS_NL).replace(
    'Voor statistieken vragen we eerst toestemming;',
    'Voor statistieken met een cookie vragen we eerst toestemming;',
  ),
  bodyEn: replaceSection(policyV2.bodyEn, '## Statistics', '## Cookies', STATISTICS_EN).replace('For statistics we ask first;', 'For statistics with a cookie we ask first;'),
  changesNl: [
    'Statistieken zonder cookies: we tellen bezoek op onze eigen server zonder cookie en zonder je IP-adres te bewaren, ook zonder toestemming. Met Do Not Track, Global Privacy Control, “nee” in de cookiekeuze of bezwaar in je account tel je niet mee.',
  ],
  changesEn: [
    'Statistics without cookies: we count visits on our own server without a cookie and without storing your IP address, also without consent. With Do Not Track, Global Privacy Control, “no” in the cookie choice or an objection in your account you are not counted.',
  ],
}

/**
 * Whether the statement in force announces counting without consent (its Dutch and English text hold
 * the sentences). Checked in the database, so a page view does not fetch the statement's text.
 */
export async function cookielessCountingAnnounced(db: DbOrTx, now: Date): Promise<boolean> {
  const [current] = await db
    .select({
      announced: sql<boolean>`strpos(${privacyPolicyVersions.bodyNl}, ${COOKIELESS_SENTENCE_NL}) > 0 and strpos(${privacyPolicyVersions.bodyEn}, ${COOKIELESS_SENTENCE_EN}) > 0`,
    })
    .from(privacyPolicyVersions)
    .where(lte(privacyPolicyVersions.publishedAt, now))
    .orderBy(desc(privacyPolicyVersions.version))
    .limit(1)
  return current?.announced === true
}

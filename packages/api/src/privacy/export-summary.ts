import type { CollectedCategory } from './collect-personal-data.ts'
import { recipients, type Localized } from './registry.ts'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const legalBasisLabel: Record<string, Localized> = {
  contract: { nl: 'Overeenkomst', en: 'Contract' },
  legal_obligation: { nl: 'Wettelijke plicht', en: 'Legal obligation' },
  legitimate_interest: { nl: 'Gerechtvaardigd belang', en: 'Legitimate interest' },
  consent: { nl: 'Toestemming', en: 'Consent' },
}

function recipientName(id: keyof typeof recipients, locale: 'nl' | 'en'): string {
  const name = recipients[id].name
  return typeof name === 'string' ? name : name[locale]
}

/**
 * The readable part of the archive (`overzicht.html`): per category what we hold (how many records),
 * why, on which legal basis, how long, and who receives it; generated from the registry.
 */
export function renderExportSummary(
  collected: CollectedCategory[],
  options: { locale: 'nl' | 'en'; name: string; generatedAt: Date; files: { invoices: number; certificates: number; images: number } },
): string {
  const { locale } = options
  const t = (text: Localized) => escape(text[locale])
  const nl = locale === 'nl'
  const sections = collected.map(({ category, locations }) => {
    const count = locations.reduce((sum, l) => sum + l.rows.length, 0)
    const held =
      category.export === 'secret'
        ? nl
          ? 'Bestaat, maar zit om veiligheidsredenen niet in dit archief (alleen als onleesbare hash of versleuteld opgeslagen).'
          : 'Exists, but is not in this archive for security reasons (stored only as an unreadable hash or encrypted).'
        : category.stored.length === 0
          ? nl
            ? 'Wij bewaren hier niets van je.'
            : 'We hold nothing of this about you.'
          : nl
            ? `${count} record(s) — zie data/${category.id}.json`
            : `${count} record(s) — see data/${category.id}.json`
    return `<section>
  <h2>${t(category.label)}</h2>
  <dl>
    <dt>${nl ? 'Wat we hebben' : 'What we hold'}</dt><dd>${escape(held)}</dd>
    <dt>${nl ? 'Waarom' : 'Why'}</dt><dd>${t(category.purpose)}</dd>
    <dt>${nl ? 'Grondslag' : 'Legal basis'}</dt><dd>${t(legalBasisLabel[category.legalBasis] ?? { nl: category.legalBasis, en: category.legalBasis })}</dd>
    <dt>${nl ? 'Hoe lang' : 'How long'}</dt><dd>${t(category.retention)}</dd>
    <dt>${nl ? 'Ontvangers' : 'Recipients'}</dt><dd>${category.recipients.map((r) => escape(recipientName(r, locale))).join(', ') || '—'}</dd>
  </dl>
</section>`
  })
  const title = nl ? 'Jouw gegevens bij Jouw Bot' : 'Your data at Jouw Bot'
  const files = nl
    ? `Bestanden: ${options.files.invoices} factuur/creditnota('s) in facturen/, ${options.files.certificates} certificaat/certificaten in certificaten/, ${options.files.images} afbeelding(en) in afbeeldingen/.`
    : `Files: ${options.files.invoices} invoice(s)/credit note(s) in facturen/, ${options.files.certificates} certificate(s) in certificaten/, ${options.files.images} image(s) in afbeeldingen/.`
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}dt{font-weight:600}dd{margin:0 0 .5rem 0}section{border-top:1px solid #ccc;padding-top:.5rem}</style>
</head>
<body>
<h1>${title}</h1>
<p>${escape(options.name)} — ${escape(options.generatedAt.toISOString())}</p>
<p>${nl ? 'Dit archief bevat alle persoonsgegevens die we van je hebben: per categorie een JSON-bestand (machineleesbaar, art. 20 AVG) en hieronder een leesbaar overzicht.' : 'This archive holds all personal data we have about you: one JSON file per category (machine-readable, art. 20 GDPR) and a readable overview below.'}</p>
<p>${escape(files)}</p>
${sections.join('\n')}
</body>
</html>
`
}

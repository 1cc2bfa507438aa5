import { blogPosts, seedRuns } from '@jouwbot/db'
import type { AppDeps } from '../../deps.ts'

/** Two Dutch demo posts (development and demo only, never in production). */
export const demoPosts = [
  {
    slug: 'je-eerste-messenger-chatbot-in-5-minuten',
    title: 'Je eerste Messenger-chatbot in 5 minuten',
    summary: 'Van Facebook-pagina tot een bot die antwoord geeft: de vijf stappen die iedere beginner zet.',
    tags: ['messenger', 'beginners'],
    body: `Een Messenger-chatbot klinkt ingewikkeld, maar de eerste versie staat er sneller dan je denkt.
In dit artikel zetten we de vijf stappen op een rij.

## 1. Een Facebook-pagina

Een bot praat namens een **pagina**, niet namens jou als persoon. Heb je nog geen pagina? Maak er een aan
voor je bedrijf of je project.

## 2. Een chatbotplatform kiezen

Je hoeft niet te programmeren. Met een platform zoals ManyChat bouw je gesprekken met blokken en knoppen.

## 3. Het welkomstbericht

Het eerste bericht bepaalt of iemand verder praat. Houd het kort, persoonlijk en geef meteen een keuze:

- *Wat kan ik voor je doen?*
- *Bekijk onze openingstijden*
- *Stel een vraag aan een mens*

## 4. Testen op je telefoon

Stuur je pagina een bericht vanuit de Messenger-app en loop elk pad na. Klopt ieder antwoord?

## 5. Live zetten

Zet de bot aan en vertel je volgers dat ze je via Messenger kunnen bereiken.

> Tip: begin klein. Een bot die drie vragen goed beantwoordt, is beter dan een bot die alles half doet.

Wil je het hele stappenplan? In de [Premium Cursus](/cursussen) bouwen we samen een bot die je kunt verkopen.`,
    daysAgo: 7,
  },
  {
    slug: 'chatbots-verkopen-aan-lokale-ondernemers',
    title: 'Chatbots verkopen aan lokale ondernemers',
    summary: 'Kappers, restaurants en sportscholen krijgen elke dag dezelfde vragen. Zo maak je daar een dienst van.',
    tags: ['verkopen', 'ondernemen'],
    body: `Lokale ondernemers beantwoorden elke dag dezelfde vragen: *Zijn jullie open? Kan ik reserveren? Wat kost het?*
Een chatbot neemt dat werk over — en dat is precies wat je kunt verkopen.

## Begin bij het probleem

Vraag niet "Wil je een chatbot?", maar "Hoeveel berichten krijg je per week die steeds hetzelfde zijn?"

## Een vaste prijs werkt

| Pakket | Wat zit erin |
| --- | --- |
| Start | Welkomstbericht, openingstijden, contact |
| Plus | Reserveringen en veelgestelde vragen |
| Onderhoud | Maandelijkse aanpassingen en een overzicht |

## Laat resultaat zien

Na een maand laat je zien hoeveel gesprekken de bot voerde. Dat verkoopt het onderhoud vanzelf.

Meer weten? Bekijk de [prijzen](/prijzen) van de cursus met 1-op-1 coaching.`,
    daysAgo: 2,
  },
] as const

/** Seeds the demo posts once (marked in seed_runs, so later edits or deletions stay). */
export async function seedBlog(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<boolean> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [first] = await tx.insert(seedRuns).values({ name: 'demo-blog' }).onConflictDoNothing().returning()
    if (!first) return false
    for (const post of demoPosts) {
      await tx
        .insert(blogPosts)
        .values({
          slug: post.slug,
          title: post.title,
          summary: post.summary,
          bodyMarkdown: post.body,
          tags: [...post.tags],
          status: 'published',
          publishAt: new Date(now.getTime() - post.daysAgo * 24 * 3_600_000),
          language: 'nl',
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
    }
    return true
  })
}

import type { SeedChapter, SeedCourse, SeedLesson } from './types.ts'

/**
 * The sample videos made by scripts/make-media.sh, with their real durations (the unit test
 * checks them against the files). All lessons share these four videos.
 */
const videos = {
  intro: { video: 'intro.mp4', durationSeconds: 40 },
  bouwen: { video: 'bouwen.mp4', durationSeconds: 48 },
  lanceren: { video: 'lanceren.mp4', durationSeconds: 36 },
  verkopen: { video: 'verkopen.mp4', durationSeconds: 44 },
} as const satisfies Record<string, Pick<SeedLesson, 'video' | 'durationSeconds'>>

/** Lesson bodies are written at column 0 so the Markdown stays readable; this trims the outer blank lines. */
function md(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, part, i) => out + String(values[i - 1]) + part).trim()
}

function chapters(...list: [startSeconds: number, title: string][]): SeedChapter[] {
  return list.map(([startSeconds, title]) => ({ startSeconds, title }))
}

const attachments = {
  lanceerChecklist: { fileName: 'lanceer-checklist.txt', title: 'Lanceerchecklist Messenger-bot' },
  quickReplies: { fileName: 'quick-replies-voorbeeld.json', title: 'Voorbeeld: quick replies voor een afspraakflow (JSON)' },
  webhookEvent: { fileName: 'webhook-event-voorbeeld.json', title: 'Voorbeeld: webhook-event van Meta (JSON)' },
  offerte: { fileName: 'offerte-sjabloon.md', title: 'Offertesjabloon Messenger-assistent' },
} as const

export const premiumCursus: SeedCourse = {
  slug: 'premium-cursus',
  title: 'Premium Cursus',
  summary:
    'Leer Facebook Messenger-chatbots bouwen, lanceren, verkopen en onderhouden: van je eerste webhook tot betalende klanten met een onderhoudscontract.',
  descriptionMarkdown: md`
## Van idee tot betalende klanten

In de **Premium Cursus** leer je stap voor stap hoe je een Facebook Messenger-chatbot bouwt die echt iets oplevert: meer afspraken, betere leads en minder handwerk. Daarna leer je hoe je de bot lanceert, hoe je bots verkoopt aan ondernemers en hoe je ze jarenlang soepel laat draaien.

## Wat je leert

- Hoe Messenger-bots werken: pagina, Meta-app, webhook en Send API
- Gesprekken ontwerpen die converteren, met quick replies, templates en overdracht naar een mens
- Koppelingen met CRM, agenda, betaalproviders en AI
- App Review, de lanceerchecklist en verkeer naar je bot
- Je aanbod, prijzen, offertes en oplevering aan klanten
- Monitoring, API-updates en supportafspraken

## Voor wie?

Voor ondernemers die hun eigen klantcontact willen automatiseren en voor marketeers en freelancers die chatbots als dienst willen aanbieden. Programmeerervaring helpt bij de technische lessen, maar is geen vereiste: elke stap wordt uitgelegd en je krijgt voorbeelden, checklists en sjablonen om direct mee aan de slag te gaan.

> Begin met de gratis voorbeeldlessen in de eerste module en ontdek of de cursus bij je past.
`,
  modules: [
    {
      slug: 'fundamenten-en-strategie',
      title: 'Fundamenten & strategie',
      summary: 'Hoe Messenger-bots werken, welk doel je kiest en aan welke regels je je moet houden.',
      lessons: [
        {
          slug: 'welkom-bij-de-premium-cursus',
          title: 'Welkom bij de Premium Cursus',
          summary: 'Wat je in deze cursus leert, hoe de modules zijn opgebouwd en hoe je er het meeste uithaalt.',
          ...videos.intro,
          captions: 'welkom-bij-de-premium-cursus.nl.vtt',
          chapters: chapters([0, 'Welkom'], [8, 'Wat je gaat leren'], [20, 'Opbouw van de cursus'], [32, 'Zo haal je er het meeste uit']),
          freePreview: true,
          bodyMarkdown: md`
## Wat je gaat leren

In deze Premium Cursus leer je stap voor stap hoe je een Facebook Messenger-chatbot bouwt, lanceert, verkoopt en onderhoudt. Niet als theoretisch verhaal, maar met voorbeelden die je direct kunt toepassen voor je eigen bedrijf of voor klanten.

## Zo is de cursus opgebouwd

1. **Fundamenten & strategie** – hoe Messenger-bots werken en welk doel je kiest.
2. **Je eerste bot bouwen** – van Meta-app en webhook tot je eerste antwoord.
3. **Gesprekken die converteren** – flows, quick replies en overdracht naar een mens.
4. **Integraties & automatisering** – CRM, agenda, betalingen en AI.
5. **Lanceren & groeien** – App Review, verkeer naar je bot en meten.
6. **Verkopen aan klanten** – aanbod, prijzen, offertes en oplevering.
7. **Onderhoud & support** – monitoring, updates en supportafspraken.

## Wat heb je nodig?

- Een Facebook-account en een Facebook-pagina waarvan je beheerder bent.
- Een gratis account bij Meta for Developers.
- Voor de technische lessen: basiskennis van JSON en een teksteditor. Programmeerervaring helpt, maar is geen vereiste.

## Haal er het meeste uit

Kijk per les eerst de video, lees daarna de tekst en voer de opdracht meteen uit. Werk met één concreet project, bijvoorbeeld een bot voor je eigen bedrijf of voor een ondernemer die je kent. Dan heb je aan het eind van de cursus niet alleen kennis, maar ook een werkende bot en een eerste portfolio-case.

> **Tip:** Maak nu alvast een notitiedocument "Mijn botproject" aan. Vul het per module aan met je beslissingen, teksten en testresultaten.
`,
        },
        {
          slug: 'hoe-een-messenger-bot-werkt',
          title: 'Hoe een Messenger-bot werkt',
          summary: 'De bouwstenen achter elke Messenger-bot: pagina, Meta-app, webhook en Send API.',
          ...videos.intro,
          captions: 'hoe-een-messenger-bot-werkt.nl.vtt',
          chapters: chapters([0, 'Een gesprek met een pagina'], [12, 'De vier bouwstenen'], [24, 'De reis van één bericht'], [36, 'De PSID']),
          attachments: [attachments.webhookEvent],
          freePreview: true,
          bodyMarkdown: md`
## De vier bouwstenen

Een Messenger-bot is geen losse app die mensen installeren. Het is een gesprek met een Facebook-pagina, waarbij jouw server de antwoorden verzorgt. Daarvoor heb je vier onderdelen nodig:

- **Facebook-pagina** – het gezicht van de bot. Gebruikers sturen een bericht naar de pagina.
- **Meta-app** – aangemaakt in Meta for Developers, met het product Messenger. De app koppelt jouw code aan de pagina.
- **Webhook** – een HTTPS-adres op jouw server. Meta stuurt daar elk nieuw bericht, elke klik op een knop (postback) en andere gebeurtenissen naartoe.
- **Send API** – het endpoint van de Graph API waarmee jouw server berichten terugstuurt.

## De reis van één bericht

1. Een klant typt "Wat zijn jullie openingstijden?" naar je pagina.
2. Meta stuurt een \`POST\`-verzoek naar je webhook met de tekst en de **PSID**: een uniek ID van deze gebruiker voor jouw pagina.
3. Je server bepaalt het antwoord.
4. Je server roept de Send API aan met de PSID en het antwoord.
5. De klant ziet het antwoord in Messenger, meestal binnen een seconde.

Een bericht in de webhook ziet er ingekort zo uit:

\`\`\`json
{
  "object": "page",
  "entry": [{
    "messaging": [{
      "sender": { "id": "6543210987654321" },
      "message": { "text": "Wat zijn jullie openingstijden?" }
    }]
  }]
}
\`\`\`

> **Tip:** De PSID verschilt per pagina. Dezelfde persoon heeft bij twee pagina's dus twee verschillende ID's. Gebruik de PSID als sleutel om de gespreksstatus op te slaan. In de bijlage vind je een volledig webhook-event om te bestuderen.
`,
        },
        {
          slug: 'het-juiste-doel-kiezen',
          title: 'Het juiste doel voor je bot kiezen',
          summary: "Kies één scherp doel en meetbare KPI's voordat je ook maar één bericht schrijft.",
          ...videos.intro,
          captions: 'het-juiste-doel-kiezen.nl.vtt',
          chapters: chapters([0, 'Waarom bots mislukken'], [12, 'Vier sterke doelen'], [28, 'Maak het meetbaar']),
          freePreview: false,
          bodyMarkdown: md`
## Begin bij het probleem, niet bij de techniek

De meeste bots mislukken niet door slechte code, maar door een vaag doel. "Iets met klantenservice" is geen doel. "40% van de vragen over levertijden automatisch beantwoorden" wel.

## Vier doelen die goed werken in Messenger

- **Vragen beantwoorden** – openingstijden, levertijden, retourbeleid. Snel resultaat, weinig risico.
- **Leads verzamelen** – een korte intake met quick replies en een afspraak of terugbelverzoek als afsluiter.
- **Afspraken plannen** – ideaal voor kappers, fysiotherapeuten, garages en andere dienstverleners.
- **Verkopen** – productadvies en een betaallink, vooral voor webshops met een overzichtelijk assortiment.

## Maak het meetbaar

Koppel aan elk doel één hoofd-KPI en hooguit twee hulp-KPI's:

| Doel | Hoofd-KPI | Hulp-KPI's |
|---|---|---|
| Vragen beantwoorden | % automatisch afgehandeld | overdrachten, tevredenheid |
| Leads verzamelen | gekwalificeerde leads | afhaakpunt in de flow |
| Afspraken plannen | geboekte afspraken | no-shows |
| Verkopen | omzet via de bot | klikratio betaallink |

## Opdracht

Schrijf in één zin op wat jouw bot doet, voor wie en hoe je succes meet. Bijvoorbeeld: "Onze bot helpt klanten van Fietsenmaker De Spaak binnen twee minuten een reparatieafspraak te maken; we meten het aantal geboekte afspraken per week."

> **Tip:** Kies voor je eerste bot het doel met de meeste herhaalde vragen. Daar levert automatisering direct tijd op en zie je snel of het werkt.
`,
        },
        {
          slug: 'doelgroep-en-tone-of-voice',
          title: 'Doelgroep en tone of voice',
          summary: 'Geef je bot een persoonlijkheid die past bij het merk en bij de mensen die ermee praten.',
          ...videos.intro,
          captions: 'doelgroep-en-tone-of-voice.nl.vtt',
          chapters: chapters([0, 'Wie praat er met je bot?'], [12, 'Je of u?'], [20, 'Een persoonlijkheid in vijf regels'], [32, 'Voor en na']),
          freePreview: false,
          bodyMarkdown: md`
## Wie praat er met je bot?

Stel jezelf drie vragen voordat je teksten schrijft:

- **Wie is de gebruiker?** Leeftijd, kennisniveau en de reden waarom iemand een bericht stuurt.
- **In welke situatie?** Vaak onderweg op een telefoon, met weinig tijd en weinig geduld.
- **Wat wil die persoon bereiken?** Meestal één ding: een antwoord, een afspraak of een prijs.

## Je of u?

In Messenger is "je" bijna altijd de beste keuze: het kanaal is informeel en persoonlijk. Kies alleen voor "u" als het merk dat overal consequent doet, bijvoorbeeld een notariskantoor of een zorginstelling met een oudere doelgroep. Wissel nooit binnen één gesprek.

## Een persoonlijkheid in vijf regels

Leg de tone of voice vast in een kort stijlblad:

1. **Naam en rol** – bijvoorbeeld "Sam, de digitale assistent van Bakkerij Bol".
2. **Toon** – vriendelijk en to the point, met af en toe een knipoog.
3. **Zinslengte** – maximaal twee korte zinnen per bericht.
4. **Emoji** – hooguit één per bericht, en nooit in een foutmelding.
5. **Eerlijkheid** – de bot zegt dat hij een bot is en wanneer er een mens meekijkt.

## Voor en na

- Stijf: "Uw verzoek is ontvangen en wordt in behandeling genomen."
- Beter: "Top, je aanvraag staat erin! Je hoort uiterlijk morgen van ons."

> **Tip:** Lees je bot-teksten hardop voor. Klinkt het als iets wat een vriendelijke medewerker aan de balie zou zeggen? Dan zit je goed.
`,
        },
        {
          slug: 'spelregels-meta-en-avg',
          title: 'Spelregels: Meta-beleid en de AVG',
          summary: 'Het 24-uursvenster, opt-ins en privacy: wat mag wel en wat niet in Messenger.',
          ...videos.intro,
          captions: 'spelregels-meta-en-avg.nl.vtt',
          chapters: chapters([0, 'Het 24-uursvenster'], [12, 'Wat Meta niet toestaat'], [24, 'De AVG in de praktijk']),
          freePreview: false,
          bodyMarkdown: md`
## Het 24-uursvenster

Zodra een gebruiker je pagina een bericht stuurt, heb je **24 uur** om vrij te reageren, ook met promotionele inhoud. Elk nieuw bericht van de gebruiker start het venster opnieuw. Daarna mag je alleen nog in specifieke situaties berichten sturen, bijvoorbeeld met een **message tag** zoals \`CONFIRMED_EVENT_UPDATE\` of als de gebruiker zich heeft aangemeld voor marketingberichten. In module 5 gaan we daar dieper op in.

## Wat Meta niet toestaat

- Reclame buiten het venster, verpakt als "update".
- Doen alsof er een mens antwoordt terwijl het een bot is, als de gebruiker daardoor misleid wordt.
- Gevoelige gegevens, zoals volledige creditcardnummers of wachtwoorden, laten invoeren in de chat.

## De AVG in de praktijk

Een bot verwerkt persoonsgegevens: naam, PSID, gespreksinhoud en vaak een e-mailadres of telefoonnummer. Daarom:

1. **Verwijs naar je privacyverklaring**, bijvoorbeeld via het vaste menu, en leg daarin uit wat de bot opslaat.
2. **Sla alleen op wat je nodig hebt** en kies een bewaartermijn, bijvoorbeeld twaalf maanden.
3. **Sluit een verwerkersovereenkomst** als je de bot voor een klant beheert: jij bent dan verwerker, je klant is verwerkingsverantwoordelijke.
4. **Regel verwijderverzoeken.** Meta vraagt voor je app een privacybeleid-URL en een manier waarop gebruikers hun gegevens kunnen laten verwijderen.

> **Tip:** Zet in je welkomstbericht een korte zin als "Ik ben een bot en bewaar ons gesprek om je beter te helpen. Typ 'privacy' voor meer info." Dat schept vertrouwen en helpt je aan de AVG te voldoen.
`,
        },
      ],
    },
    {
      slug: 'je-eerste-bot-bouwen',
      title: 'Je eerste bot bouwen',
      summary: 'Van Facebook-pagina en Meta-app tot een webhook die antwoordt, met begroeting, menu en testroutine.',
      lessons: [
        {
          slug: 'pagina-en-meta-app-aanmaken',
          title: 'Facebook-pagina en Meta-app aanmaken',
          summary: 'Zet de basis klaar: een pagina, een Meta-app met Messenger en een paginatoegangstoken.',
          ...videos.bouwen,
          captions: 'pagina-en-meta-app-aanmaken.nl.vtt',
          chapters: chapters([0, 'De Facebook-pagina'], [12, 'De Meta-app'], [24, 'Het paginatoegangstoken'], [36, 'Geheimen veilig bewaren']),
          freePreview: false,
          bodyMarkdown: md`
## Stap 1: de Facebook-pagina

Gebruik een bestaande bedrijfspagina of maak een testpagina aan. Je hebt volledige beheerrechten op de pagina nodig om hem aan een app te koppelen. Werk je voor een klant? Laat de klant jou toevoegen via **Meta Business Suite**, zodat je nooit met hun wachtwoord hoeft in te loggen.

## Stap 2: de Meta-app

1. Ga naar **developers.facebook.com** en kies **Mijn apps → App maken**.
2. Kies het app-type **Bedrijf** (of het gebruiksscenario voor Messenger).
3. Voeg het product **Messenger** toe.
4. Koppel de app aan het Business-portfolio (voorheen Business Manager) van de eigenaar.

## Stap 3: het paginatoegangstoken

Onder de Messenger-instellingen van je app koppel je je pagina en genereer je een **paginatoegangstoken**. Met dit token mag je server namens de pagina berichten sturen.

- Behandel het token als een wachtwoord: nooit in je code en nooit in Git.
- Bewaar het in een omgevingsvariabele, bijvoorbeeld \`PAGE_ACCESS_TOKEN\`.
- Noteer ook het **app-geheim**; dat heb je nodig om webhookverzoeken te controleren.

\`\`\`bash
# .env – nooit committen!
PAGE_ACCESS_TOKEN=EAAG...
APP_SECRET=3f9c...
VERIFY_TOKEN=kies-zelf-een-lange-willekeurige-tekst
\`\`\`

> **Tip:** Maak voor ontwikkeling een aparte testpagina en testapp. Zo experimenteer je vrij, zonder dat echte klanten halve flows te zien krijgen.
`,
        },
        {
          slug: 'je-webhook-instellen',
          title: 'Je webhook instellen en verifiëren',
          summary: 'Laat Meta je server vinden: de verificatie-handshake, abonnementen en handtekeningcontrole.',
          ...videos.bouwen,
          attachments: [attachments.webhookEvent],
          freePreview: false,
          bodyMarkdown: md`
## De verificatie-handshake

Wanneer je in het Messenger-dashboard een callback-URL invult, stuurt Meta eenmalig een \`GET\`-verzoek met drie parameters:

- \`hub.mode\` – altijd \`subscribe\`
- \`hub.verify_token\` – de tekst die je zelf in het dashboard hebt ingevuld
- \`hub.challenge\` – een willekeurige waarde

Klopt het verify token, dan antwoord je met status 200 en precies de waarde van \`hub.challenge\`. Anders stuur je 403.

\`\`\`js
app.get('/webhook', (req, res) => {
  const ok = req.query['hub.mode'] === 'subscribe'
    && req.query['hub.verify_token'] === process.env.VERIFY_TOKEN
  if (ok) res.status(200).send(req.query['hub.challenge'])
  else res.sendStatus(403)
})
\`\`\`

## Abonneren op gebeurtenissen

Kies daarna de velden waarop je pagina geabonneerd is. Voor een eerste bot heb je genoeg aan \`messages\` en \`messaging_postbacks\`. Later komen daar bijvoorbeeld \`messaging_referrals\` en \`messaging_optins\` bij.

## Controleer elke handtekening

Elk \`POST\`-verzoek bevat de header \`X-Hub-Signature-256\`: een HMAC-SHA256 van de ruwe request body, berekend met je app-geheim. Bereken die zelf en vergelijk beide waarden met een vergelijking in constante tijd. Klopt hij niet, negeer het verzoek dan. Zo kan niemand nepberichten naar je bot sturen.

## Antwoord snel

Stuur op elk webhookverzoek direct \`200 OK\` terug en verwerk het bericht daarna, bijvoorbeeld via een wachtrij. Blijft je antwoord te lang uit of faalt het vaak, dan probeert Meta het opnieuw en kan het je webhook uiteindelijk uitschakelen.

> **Tip:** In de bijlage vind je een volledig voorbeeld van een webhook-event. Handig om je code lokaal mee te testen voordat er echte berichten binnenkomen.
`,
        },
        {
          slug: 'berichten-ontvangen-en-versturen',
          title: 'Berichten ontvangen en versturen met de Send API',
          summary: 'Verwerk binnenkomende events en stuur je eerste antwoord, inclusief typindicator.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Events uitpakken

Eén webhookverzoek kan meerdere \`entry\`-items bevatten, en elk item een lijst \`messaging\`-events. Loop er dus altijd doorheen in plaats van alleen het eerste event te pakken. Per event kijk je welk veld aanwezig is:

- \`message.text\` – de gebruiker typte iets
- \`message.quick_reply.payload\` – de gebruiker tikte op een quick reply
- \`postback.payload\` – de gebruiker klikte op een knop of menu-item
- \`message.attachments\` – een foto, bestand of sticker

Negeer events met \`message.is_echo: true\`: dat zijn berichten die je pagina zelf verstuurde.

## Een antwoord sturen

Je verstuurt berichten met een \`POST\` naar \`https://graph.facebook.com/v25.0/me/messages\`, met je paginatoegangstoken als parameter \`access_token\`:

\`\`\`json
{
  "recipient": { "id": "6543210987654321" },
  "messaging_type": "RESPONSE",
  "message": { "text": "Hoi! We zijn vandaag open van 9.00 tot 17.30 uur." }
}
\`\`\`

Gebruik \`messaging_type: "RESPONSE"\` voor antwoorden binnen het 24-uursvenster.

## Laat zien dat je bot typt

Stuur vóór een langer antwoord een **sender action**:

\`\`\`json
{ "recipient": { "id": "6543210987654321" }, "sender_action": "typing_on" }
\`\`\`

Met \`mark_seen\` laat je zien dat het bericht gelezen is. Een korte pauze van een seconde voelt natuurlijker dan een muur van directe antwoorden.

> **Tip:** Zet het versienummer van de Graph API (zoals \`v25.0\`) op één plek in je configuratie. In module 7 zie je waarom dat bij upgrades veel werk scheelt.
`,
        },
        {
          slug: 'get-started-en-begroeting',
          title: 'Aan de slag-knop, begroeting en ice breakers',
          summary: 'Stel met de Messenger Profile API de eerste indruk van je bot in.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## De eerste indruk telt

Wie je pagina voor het eerst een bericht stuurt, ziet een leeg gesprek. Met de **Messenger Profile API** maak je dat moment uitnodigend. Je stuurt één \`POST\` naar \`/me/messenger_profile\`:

\`\`\`json
{
  "get_started": { "payload": "GET_STARTED" },
  "greeting": [
    { "locale": "default", "text": "Hoi {{user_first_name}}! Ik help je met afspraken en vragen." }
  ],
  "ice_breakers": [{
    "locale": "default",
    "call_to_actions": [
      { "question": "Ik wil een afspraak maken", "payload": "AFSPRAAK" },
      { "question": "Wat zijn jullie openingstijden?", "payload": "OPENINGSTIJDEN" }
    ]
  }]
}
\`\`\`

## Wat doet elk onderdeel?

- **Get Started-knop** – de knop "Aan de slag" onder in een nieuw gesprek. Een tik levert een \`postback\` met jouw payload op.
- **Begroeting** – de tekst die mensen zien vóór het eerste bericht, maximaal 160 tekens. \`{{user_first_name}}\` wordt vervangen door de voornaam.
- **Ice breakers** – kant-en-klare vragen waarmee iemand het gesprek met één tik begint.

Kies ice breakers óf de Get Started-knop als hoofdingang en controleer in de Messenger-app wat een nieuwe gebruiker daadwerkelijk ziet.

## Verwerk de GET_STARTED-payload

Vang de payload \`GET_STARTED\` af in je postback-handler en stuur een welkomstbericht met direct een keuze, bijvoorbeeld drie quick replies. Zo weet de gebruiker meteen wat de bot kan en hoeft niemand na te denken over wat hij moet typen.

> **Tip:** Test met een account dat nog nooit met de pagina heeft gepraat. Heb je zelf al een gesprek, verwijder het dan in Messenger; pas dan zie je de Get Started-knop opnieuw.
`,
        },
        {
          slug: 'het-vaste-menu',
          title: 'Het vaste menu (persistent menu)',
          summary: 'Geef gebruikers altijd een uitweg met een overzichtelijk vast menu.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Waarom een vast menu?

Het vaste menu is altijd bereikbaar naast het invoerveld in Messenger. Het is het vangnet van je bot: wie de draad kwijt is, kan altijd terug naar de hoofdonderdelen of naar een medewerker.

## Het menu instellen

Ook het menu stel je in via \`/me/messenger_profile\`:

\`\`\`json
{
  "persistent_menu": [{
    "locale": "default",
    "composer_input_disabled": false,
    "call_to_actions": [
      { "type": "postback", "title": "Afspraak maken", "payload": "AFSPRAAK" },
      { "type": "postback", "title": "Praat met een mens", "payload": "MENS" },
      { "type": "web_url", "title": "Privacyverklaring", "url": "https://www.voorbeeld.nl/privacy" }
    ]
  }]
}
\`\`\`

## Richtlijnen

- **Houd het kort**: drie tot vijf items. Meer werkt niet op een telefoonscherm.
- **Gebruik werkwoorden**: "Afspraak maken" is duidelijker dan "Afspraken".
- **Altijd een menselijke uitweg**: een item als "Praat met een mens" voorkomt frustratie.
- **Laat typen toe**: met \`composer_input_disabled: true\` kan niemand meer typen. Dat is alleen zinvol voor bots die volledig op knoppen draaien.
- **Eerst de Get Started-knop**: zonder ingestelde Get Started-knop wordt het menu niet getoond.

## Een menu per gebruiker

Via \`/me/custom_user_settings\` stel je voor één gebruiker een eigen menu in, bijvoorbeeld met een extra item "Mijn bestelling" voor klanten die al iets kochten.

> **Tip:** Wijzigingen aan het menu zijn niet altijd direct zichtbaar. Sluit het gesprek en open het opnieuw, of test met een ander account.
`,
        },
        {
          slug: 'lokaal-testen-met-een-tunnel',
          title: 'Lokaal testen met een tunnel en testgebruikers',
          summary: 'Test je bot veilig op je eigen computer voordat iemand anders hem ziet.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Meta kan je laptop niet bereiken

Je webhook moet een openbaar HTTPS-adres hebben, maar tijdens het ontwikkelen draait je server op \`http://localhost:3000\`. Een **tunnel** lost dat op: een dienst die een tijdelijk openbaar adres doorstuurt naar je eigen computer.

## Zo werk je met een tunnel

1. Start je server lokaal op poort 3000.
2. Start een tunnel, bijvoorbeeld met \`ngrok http 3000\` of \`cloudflared tunnel --url http://localhost:3000\`.
3. Vul het HTTPS-adres van de tunnel met \`/webhook\` erachter in als callback-URL in het Messenger-dashboard.
4. Stuur een bericht naar je pagina en kijk in je serverlogs of het event binnenkomt.

Let op: bij gratis tunnels verandert het adres vaak bij elke herstart. Dan moet je de callback-URL opnieuw instellen en laten verifiëren.

## Wie kan je bot gebruiken?

Zolang je app in **ontwikkelmodus** staat, reageert de bot alleen op mensen met een rol in de app: beheerders, ontwikkelaars en testers. Voeg collega's of je klant toe onder **App-rollen** om mee te testen. Pas na App Review en livegang kan iedereen met de bot praten.

## Een vaste testroutine

- Begin elk testrondje met een schoon gesprek: verwijder het vorige.
- Test de ideale route, maar ook onzin, emoji, foto's en spraakberichten.
- Test op een telefoon; de weergave verschilt van Messenger op desktop.

> **Tip:** Log tijdens het ontwikkelen elk binnenkomend event volledig naar je console. Zodra het werkt, log je alleen nog wat je echt nodig hebt, in verband met de AVG.
`,
        },
      ],
    },
    {
      slug: 'gesprekken-die-converteren',
      title: 'Gesprekken die converteren',
      summary: 'Ontwerp flows die mensen naar hun doel leiden, met quick replies, templates, fallbacks en overdracht.',
      lessons: [
        {
          slug: 'een-gespreksflow-ontwerpen',
          title: 'Een gespreksflow ontwerpen',
          summary: 'Ontwerp je gesprek op papier: doel, stappen, vertakkingen en een duidelijke afsluiting.',
          ...videos.bouwen,
          captions: 'een-gespreksflow-ontwerpen.nl.vtt',
          chapters: chapters([0, 'Eerst tekenen, dan bouwen'], [12, 'De vijf onderdelen van een flow'], [32, 'Denken in toestanden'], [40, 'Houd het kort']),
          freePreview: false,
          bodyMarkdown: md`
## Eerst tekenen, dan bouwen

Een goede flow ontwerp je voordat je een regel code schrijft. Pak een whiteboard of een tool als Miro of draw.io en teken het gesprek als blokken met pijlen.

## De vijf onderdelen van elke flow

1. **Opening** – wie is de bot en wat kan hij? Eén of twee zinnen.
2. **Keuze** – laat de gebruiker kiezen met quick replies, zodat je weet welke kant het gesprek op gaat.
3. **Informatie verzamelen** – vraag per bericht één ding: naam, datum of postcode.
4. **Bevestigen** – vat samen wat je hebt begrepen: "Dus een afspraak op dinsdag om 10.00 uur, klopt dat?"
5. **Afsluiten** – een duidelijke volgende stap en een nette afronding.

## Denk in toestanden

Technisch is een flow een reeks **toestanden** (states). Sla per gebruiker op in welke stap het gesprek zit, bijvoorbeeld \`AFSPRAAK_DATUM\`. Komt er een bericht binnen, dan bepaalt de toestand hoe je het interpreteert. "Morgen" betekent in de stap \`AFSPRAAK_DATUM\` iets anders dan in de stap \`VRAAG_STELLEN\`.

## Houd het kort

- Streef naar maximaal **vijf stappen** tot het doel.
- Elke extra vraag kost je gebruikers; vraag alleen wat je echt nodig hebt.
- Bied op elk moment een uitweg: terug, opnieuw beginnen of praten met een mens.

> **Tip:** Laat iemand die de bot niet kent de papieren flow spelen: jij bent de bot en leest de berichten voor. Binnen tien minuten zie je waar mensen vastlopen.
`,
        },
        {
          slug: 'quick-replies-slim-inzetten',
          title: 'Quick replies slim inzetten',
          summary: 'Leid gebruikers met quick replies door je flow zonder dat ze hoeven te typen.',
          ...videos.bouwen,
          attachments: [attachments.quickReplies],
          freePreview: false,
          bodyMarkdown: md`
## Wat zijn quick replies?

Quick replies zijn knoppen die boven het toetsenbord verschijnen. Na één tik verdwijnen ze en staat de gekozen tekst als bericht in het gesprek. Je bot ontvangt daarbij een \`quick_reply.payload\`, zodat je niet hoeft te raden wat de gebruiker bedoelt.

\`\`\`json
{
  "recipient": { "id": "6543210987654321" },
  "messaging_type": "RESPONSE",
  "message": {
    "text": "Waarmee kan ik je helpen?",
    "quick_replies": [
      { "content_type": "text", "title": "Afspraak maken", "payload": "AFSPRAAK" },
      { "content_type": "text", "title": "Prijzen", "payload": "PRIJZEN" },
      { "content_type": "text", "title": "Iets anders", "payload": "ANDERS" }
    ]
  }
}
\`\`\`

## De regels

- Maximaal **13** quick replies per bericht; in de praktijk werken er 2 tot 5 het best.
- Een titel is maximaal **20 tekens**; langere titels worden afgekapt.
- Met \`content_type\` \`user_email\` of \`user_phone_number\` stelt Messenger het e-mailadres of telefoonnummer uit het profiel voor.

## Slim ontwerp

- Geef payloads een vaste structuur, zoals \`AFSPRAAK_DAG_MAANDAG\`, zodat je ze makkelijk verwerkt.
- Bied altijd een optie "Iets anders" of laat typen toe.
- Verwerk ook getypte antwoorden: wie "prijzen" typt in plaats van te tikken, wil hetzelfde als wie op de knop tikt.

> **Tip:** In de bijlage vind je een kant-en-klaar JSON-voorbeeld met quick replies voor een afspraakflow. Pas de teksten aan en gebruik het als sjabloon voor je eigen bot.
`,
        },
        {
          slug: 'knoppen-templates-en-carrousels',
          title: 'Knoppen, templates en carrousels',
          summary: 'Gebruik de button template en de generic template voor rijkere berichten.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Button template

Met de **button template** stuur je een tekst met maximaal drie knoppen eronder. Een knop kan een \`postback\` naar je bot sturen, een webpagina openen (\`web_url\`) of een telefoonnummer bellen (\`phone_number\`).

\`\`\`json
{
  "attachment": {
    "type": "template",
    "payload": {
      "template_type": "button",
      "text": "Je afspraak staat op dinsdag 14 mei om 10.00 uur.",
      "buttons": [
        { "type": "postback", "title": "Verzetten", "payload": "AFSPRAAK_VERZETTEN" },
        { "type": "web_url", "title": "Route", "url": "https://maps.google.com/?q=Kerkstraat+1+Utrecht" }
      ]
    }
  }
}
\`\`\`

Dit object zet je in het \`message\`-veld van je Send API-verzoek.

## Generic template en carrousels

De **generic template** toont een kaart met afbeelding, titel, ondertitel en maximaal drie knoppen. Stuur je meerdere kaarten (maximaal tien), dan ontstaat een horizontale **carrousel**. Ideaal voor producten, behandelingen of vestigingen.

## Wanneer gebruik je wat?

- **Quick replies** voor keuzes die het gesprek vooruithelpen.
- **Button template** voor acties bij één onderwerp, zoals een bevestiging.
- **Carrousel** als mensen visueel moeten vergelijken.

## Aandachtspunten

- Gebruik afbeeldingen met een verhouding van 1,91:1 of 1:1 en houd ze licht.
- Houd titels kort: op een smal scherm wordt veel afgekapt.
- Tien kaarten is te veel; vier of vijf scrollt prettiger.

> **Tip:** Geef elke kaart in een carrousel een knop met een duidelijke actie, zoals "Bekijk" of "Reserveer", in plaats van een vage knop als "Meer info".
`,
        },
        {
          slug: 'leads-kwalificeren',
          title: 'Leads kwalificeren in het gesprek',
          summary: 'Stel de juiste vragen in de juiste volgorde en scheid warme leads van kijkers.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Waarom kwalificeren?

Niet elke lead is even waardevol. Een bot die alle aanvragen gelijk behandelt, zadelt het verkoopteam op met gesprekken die nergens toe leiden. Met drie of vier slimme vragen weet je wie je direct moet bellen.

## Het BANT-model, vertaald naar chat

- **Budget** – "Welk budget heb je ongeveer in gedachten?" met quick replies als "< €500", "€500–2.000" en "> €2.000".
- **Autoriteit** – "Beslis je hier zelf over of samen met anderen?"
- **Behoefte** – "Waar zoek je hulp bij?" met je belangrijkste diensten als keuzes.
- **Tijdspad** – "Wanneer wil je starten?" met "Deze maand", "Binnen 3 maanden" en "Ik oriënteer me".

## Scoren

Geef elk antwoord punten en tel ze op. Bijvoorbeeld: een budget boven €2.000 is 3 punten, "deze maand" is 3 punten en "ik oriënteer me" 0 punten. Vanaf 6 punten noem je de lead **warm** en bied je direct een belafspraak aan. Bij een lage score stuur je een handige gids en vraag je of je later contact mag opnemen.

## Contactgegevens op het juiste moment

Vraag pas om een e-mailadres of telefoonnummer als de gebruiker al waarde heeft gezien. Gebruik de quick reply \`user_email\`, zodat het adres met één tik is ingevuld, en vertel waarvoor je het gebruikt.

> **Tip:** Stuur warme leads direct door naar het CRM en stuur de verkoper een melding met een samenvatting van het gesprek. Snelheid wint: een lead die binnen vijf minuten wordt gebeld, converteert veel beter dan een lead die een dag moet wachten.
`,
        },
        {
          slug: 'fallbacks-en-foutafhandeling',
          title: 'Als de bot het niet begrijpt: fallbacks',
          summary: 'Vang onverwachte invoer netjes op, zodat gebruikers nooit vastlopen.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Onverwachte invoer is normaal

Hoe goed je flow ook is, gebruikers sturen dingen die je niet verwacht: een foto, een spraakbericht, een duimpje, een typefout of een vraag over iets heel anders. Een goede fallback bepaalt of iemand afhaakt of doorgaat.

## Drie niveaus van fallback

1. **Eerste keer niet begrepen** – herformuleer en bied keuzes: "Sorry, dat snapte ik niet helemaal. Bedoel je een van deze?" met quick replies.
2. **Tweede keer** – maak het nog eenvoudiger en noem wat de bot wél kan.
3. **Derde keer** – stop met proberen en bied een medewerker aan: "Ik verbind je door met een collega."

Houd daarvoor per gebruiker een teller bij, die je weer op nul zet zodra de bot iets wel begrijpt.

## Bijlagen en bijzondere berichten

- **Foto's en bestanden** – bevestig de ontvangst en vraag wat de gebruiker ermee wil, of stuur ze door naar een medewerker.
- **Duimpje** – komt binnen als sticker; behandel het als "ja" of "oké" waar dat logisch is.
- **Spraakberichten** – zeg eerlijk dat de bot ze niet kan beluisteren en vraag om een getypt bericht.

## Technische fouten

Ook je eigen systeem kan falen: een koppeling die niet antwoordt of een database die traag is. Vang fouten op en stuur een menselijk bericht, zoals "Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw." Log de fout met de PSID en de stap in de flow.

> **Tip:** Verzamel alle berichten die in de fallback belanden in een apart overzicht. Dat is je beste bron voor nieuwe functies en betere teksten.
`,
        },
        {
          slug: 'overdracht-naar-een-medewerker',
          title: 'Overdracht naar een medewerker',
          summary: 'Laat de bot soepel overdragen aan een medewerker in de inbox, en weer terug.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Waarom overdracht onmisbaar is

Geen bot kan alles. Klachten, complexe vragen en twijfelende klanten verdienen een mens. Een goede overdracht voelt voor de klant als één doorlopend gesprek.

## Zo werkt het bij Meta

Een gesprek kan verschillende 'eigenaren' hebben: jouw bot-app en de inbox in **Meta Business Suite**. Met het **handover protocol** geef je de controle over een gesprek door; in de pagina-instellingen (conversation routing) bepaal je welke app standaard de controle heeft. Je stuurt dit verzoek naar \`/me/pass_thread_control\`:

\`\`\`json
{
  "recipient": { "id": "6543210987654321" },
  "target_app_id": 263902037430900,
  "metadata": "Klant wil een klacht melden over bestelling 10234"
}
\`\`\`

De app-ID \`263902037430900\` is de vaste ID van de Page Inbox. Geeft de inbox het gesprek later terug, dan ontvangt je webhook een \`pass_thread_control\`-event en neemt de bot het weer over.

## Goede overdrachten

- **Vertel het de klant**: "Ik zet je door naar een collega. Die reageert tijdens kantoortijden meestal binnen een uur."
- **Geef context mee** in \`metadata\` of een interne notitie, zodat de klant zich niet hoeft te herhalen.
- **Houd rekening met openingstijden**: zeg buiten kantoortijden eerlijk wanneer er iemand reageert.
- **Laat de bot zwijgen**: zolang de medewerker de controle heeft, antwoordt de bot niet tussendoor.

> **Tip:** Voor antwoorden van medewerkers na het 24-uursvenster bestaat de tag \`HUMAN_AGENT\`, die tot zeven dagen na het laatste bericht van de klant geldig is. Daarvoor moet je app wel de bijbehorende toestemming hebben.
`,
        },
      ],
    },
    {
      slug: 'integraties-en-automatisering',
      title: 'Integraties & automatisering',
      summary: 'Geef je bot een geheugen en koppel hem aan CRM, agenda, betaalprovider en AI.',
      lessons: [
        {
          slug: 'gebruikersgegevens-en-gespreksstatus',
          title: 'Gebruikersgegevens en gespreksstatus opslaan',
          summary: 'Onthoud waar elk gesprek is en wat je al weet, zonder meer op te slaan dan nodig.',
          ...videos.bouwen,
          captions: 'gebruikersgegevens-en-gespreksstatus.nl.vtt',
          chapters: chapters([0, 'Wat moet je bot onthouden?'], [12, 'Een eenvoudig datamodel'], [24, 'Profielgegevens'], [36, 'Opruimen']),
          freePreview: false,
          bodyMarkdown: md`
## Wat moet je bot onthouden?

Een bot zonder geheugen stelt steeds dezelfde vragen. Sla daarom per gebruiker op:

- **PSID** – de sleutel van het record.
- **Toestand** – in welke stap van de flow het gesprek is, bijvoorbeeld \`LEAD_BUDGET\`.
- **Verzamelde antwoorden** – zoals de gekozen dienst en de gewenste datum.
- **Laatste bericht** – het tijdstip van het laatste bericht van de gebruiker, nodig voor het 24-uursvenster.
- **Toestemmingen** – zoals een opt-in voor marketingberichten, met datum.

## Een eenvoudig datamodel

\`\`\`json
{
  "psid": "6543210987654321",
  "state": "LEAD_BUDGET",
  "answers": { "dienst": "website", "tijdspad": "deze maand" },
  "lastUserMessageAt": "2025-03-14T09:12:45Z",
  "fallbackCount": 0,
  "optIns": []
}
\`\`\`

Voor een kleine bot volstaat een database als SQLite of PostgreSQL. Bewaar de status niet in het geheugen van je serverproces: na een herstart ben je dan alles kwijt.

## Profielgegevens

Met de PSID kun je via de Graph API de voornaam van de gebruiker opvragen, zodat je iemand persoonlijk begroet. Vraag alleen op wat je gebruikt en bewaar het niet langer dan nodig.

## Opruimen

Kies een bewaartermijn en verwijder oude gesprekken automatisch, bijvoorbeeld met een nachtelijke taak. Handel verwijderverzoeken van gebruikers af binnen de termijn van de AVG: uiterlijk binnen een maand.

> **Tip:** Sla de nieuwe toestand pas op nadat je antwoord is verstuurd. Mislukt het versturen, dan kan de gebruiker het opnieuw proberen zonder dat de flow ongemerkt een stap verder is gesprongen.
`,
        },
        {
          slug: 'koppelen-met-je-crm',
          title: 'Koppelen met je CRM of e-mailtool',
          summary: 'Stuur leads automatisch door naar HubSpot, Pipedrive, Teamleader of je mailingtool.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Waarom koppelen?

Een lead die alleen in je botdatabase staat, wordt vergeten. Door de bot te koppelen aan het systeem waarin je klant al werkt, komt elke lead direct op de juiste plek terecht.

## Drie manieren om te koppelen

1. **Rechtstreeks via de API** – de meeste CRM's, zoals HubSpot, Pipedrive en Teamleader, hebben een REST-API. Je server maakt een contact of deal aan zodra een lead compleet is. Het meest flexibel, maar je onderhoudt de code zelf.
2. **Via een automatiseringstool** – stuur een webhook naar Zapier of Make en bouw de rest zonder code. Snel opgezet, maar met extra maandkosten en een extra schakel die kan falen.
3. **Via e-mail** – stuur een nette samenvatting naar een gedeelde inbox. Eenvoudig, maar alleen geschikt bij weinig leads.

## Een voorbeeld-payload

\`\`\`json
{
  "bron": "messenger-bot",
  "naam": "Sanne de Vries",
  "email": "sanne@voorbeeld.nl",
  "dienst": "website",
  "score": 7,
  "samenvatting": "Wil deze maand starten, budget €2.000–5.000."
}
\`\`\`

## Valkuilen

- **Dubbele contacten** – zoek eerst op e-mailadres voordat je een nieuw contact aanmaakt.
- **Mislukte verzoeken** – zet mislukte koppelingen in een wachtrij en probeer het later opnieuw, zodat er nooit een lead verloren gaat.
- **Toestemming** – voeg iemand alleen aan een nieuwsbrief toe als hij daar uitdrukkelijk toestemming voor heeft gegeven.

> **Tip:** Geef elk contact de bron "messenger-bot" mee. Zo ziet je klant later precies hoeveel omzet de bot heeft opgeleverd, en dat is goud waard bij een verlenging.
`,
        },
        {
          slug: 'afspraken-laten-inplannen',
          title: 'Afspraken laten inplannen via de bot',
          summary: 'Laat klanten zelf een tijdslot kiezen, voorkom dubbele boekingen en stuur herinneringen.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Van vraag naar afspraak in één minuut

Afspraken plannen is een van de sterkste toepassingen van een Messenger-bot. De klant hoeft niet te bellen en niemand hoeft heen en weer te mailen.

## De flow

1. **Dienst kiezen** – quick replies met de behandelingen of diensten.
2. **Dag kiezen** – de eerstvolgende vijf dagen met beschikbaarheid.
3. **Tijd kiezen** – maximaal vijf vrije tijdsloten op die dag.
4. **Gegevens** – naam en telefoonnummer, met de quick reply \`user_phone_number\`.
5. **Bevestiging** – een button template met "Verzetten" en "Annuleren".

## Beschikbaarheid ophalen

Koppel de bot aan de agenda die je klant al gebruikt: Google Agenda, Microsoft 365 of een boekingssysteem met een API. Haal de vrije tijden pas op als de gebruiker een dag kiest; anders toon je tijden die inmiddels bezet zijn.

## Dubbele boekingen voorkomen

Tussen het tonen van een tijdslot en de bevestiging zitten soms een paar minuten. Controleer daarom vlak voor het boeken opnieuw of het slot nog vrij is. Is het bezet, bied dan direct de dichtstbijzijnde alternatieven aan.

## Herinneringen

Een herinnering vermindert het aantal no-shows flink. Omdat de gebruiker de afspraak zelf heeft gemaakt, mag dat ook buiten het 24-uursvenster met de tag \`CONFIRMED_EVENT_UPDATE\`:

\`\`\`json
{
  "recipient": { "id": "6543210987654321" },
  "messaging_type": "MESSAGE_TAG",
  "tag": "CONFIRMED_EVENT_UPDATE",
  "message": { "text": "Herinnering: morgen om 10.00 uur je afspraak bij Kapsalon Knip. Tot dan!" }
}
\`\`\`

> **Tip:** Reken in je code met de tijdzone Europe/Amsterdam en test de overgang naar zomer- en wintertijd. Een afspraak die een uur verschuift, kost meer vertrouwen dan tien goede gesprekken opleveren.
`,
        },
        {
          slug: 'bestellingen-en-betaallinks',
          title: 'Bestellingen en betaallinks',
          summary: 'Laat klanten bestellen in Messenger en betalen via een veilige betaallink.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Betalen gaat via een link

De beproefde aanpak voor betalingen in Messenger: de bot stelt de bestelling samen en stuurt een **betaallink** van een betaalprovider zoals Mollie, Stripe of Adyen. De klant betaalt met iDEAL, creditcard of een andere methode op een vertrouwde betaalpagina.

## De flow

1. **Product kiezen** – een carrousel met de populairste producten.
2. **Opties** – maat, kleur of aantal via quick replies.
3. **Overzicht** – vat de bestelling samen met de totaalprijs inclusief btw en verzendkosten.
4. **Betaallink** – een button template met een \`web_url\`-knop naar de betaalpagina.
5. **Bevestiging** – na de betaling stuur je een bevestiging in Messenger.

## De betaling verwerken

Maak bij je betaalprovider een betaling aan met het bedrag, een omschrijving, een redirect-URL en een **webhook-URL**. Meldt de provider dat de betaling gelukt is, dan zet je de bestelling op betaald en stuur je de klant een bericht. Omdat dit een update over een aankoop is, mag dat ook na het 24-uursvenster, met de tag \`POST_PURCHASE_UPDATE\`.

Vertrouw nooit op de redirect alleen: iemand kan de betaalpagina sluiten voordat hij terugkeert. De webhook van de betaalprovider is leidend.

## Wat niet in de chat hoort

Vraag nooit om creditcardgegevens of inloggegevens in het gesprek zelf. Alle betaalgegevens horen op de beveiligde pagina van de betaalprovider.

> **Tip:** Geef een betaallink een beperkte geldigheid, bijvoorbeeld 24 uur. Wil de klant daarna alsnog betalen, stuur dan automatisch een nieuwe link in plaats van een foutmelding.
`,
        },
        {
          slug: 'ai-en-taalbegrip',
          title: 'AI en taalbegrip verstandig toevoegen',
          summary: 'Zet taalmodellen in waar ze waarde toevoegen, met duidelijke grenzen.',
          ...videos.bouwen,
          freePreview: false,
          bodyMarkdown: md`
## Knoppen of AI?

Quick replies zijn voorspelbaar en goedkoop. Maar mensen typen ook vrije tekst: "hebben jullie zaterdag nog plek?" Een taalmodel helpt zulke berichten te begrijpen. De beste bots combineren beide: knoppen voor de hoofdroute, AI voor vrije invoer.

## Drie manieren om AI in te zetten

1. **Intentieherkenning** – het model bepaalt alleen de bedoeling, zoals \`AFSPRAAK\`, \`PRIJS\` of \`KLACHT\`, en je bestaande flow doet de rest. Voorspelbaar en goed te testen.
2. **Antwoorden uit een kennisbank** – het model beantwoordt vragen op basis van teksten van je klant, zoals de veelgestelde vragen en de voorwaarden. Dit heet retrieval-augmented generation (RAG).
3. **Vrij gesprek** – het model schrijft alle antwoorden zelf. Flexibel, maar het minst voorspelbaar en voor de meeste zakelijke bots af te raden.

## Grenzen stellen

- Geef het model een duidelijke instructie: rol, toon en onderwerpen die wel en niet mogen.
- Laat het model zeggen dat het iets niet zeker weet in plaats van te gokken, en bied dan een medewerker aan.
- Laat prijzen, beschikbaarheid en bestelstatus nooit door het model verzinnen; haal die altijd uit je eigen systemen.
- Stuur geen onnodige persoonsgegevens naar een externe AI-dienst en vermeld het gebruik in je privacyverklaring.

## Testen

Stel een lijst samen van vijftig echte vragen en controleer na elke aanpassing hoe het model ze beantwoordt. Zo merk je meteen als een wijziging in de instructie iets anders stukmaakt.

> **Tip:** Begin met intentieherkenning. Dat levert het grootste deel van de winst op, met een fractie van het risico van een volledig generatieve bot.
`,
        },
      ],
    },
    {
      slug: 'lanceren-en-groeien',
      title: 'Lanceren & groeien',
      summary: 'Door App Review, zorgvuldig live gaan, verkeer naar je bot sturen en blijven verbeteren.',
      lessons: [
        {
          slug: 'app-review-en-livegang',
          title: 'App Review en livegang bij Meta',
          summary: 'Vraag de juiste toestemmingen aan en kom in één keer door de beoordeling.',
          ...videos.lanceren,
          captions: 'app-review-en-livegang.nl.vtt',
          chapters: chapters([0, 'Waarom App Review?'], [8, 'Voorbereiding'], [20, 'De aanvraag'], [28, 'Na goedkeuring']),
          freePreview: false,
          bodyMarkdown: md`
## Waarom App Review?

In ontwikkelmodus praat je bot alleen met mensen die een rol in de app hebben. Om met iedereen te kunnen praten, heeft je app de toestemming \`pages_messaging\` nodig met geavanceerde toegang. Die krijg je via **App Review**.

## Voorbereiding

- **Bedrijfsverificatie** – verifieer het Business-portfolio van de eigenaar, bijvoorbeeld met een uittreksel van de KvK.
- **Privacybeleid** – een openbare URL die uitlegt welke gegevens de bot verwerkt.
- **App-instellingen** – vul icoon, categorie en contactgegevens volledig in.
- **Een werkende bot** – de beoordelaar test je bot echt. Zorg dat de webhook online is en stabiel reageert.

## De aanvraag

Per toestemming beschrijf je hoe je hem gebruikt en lever je een **screencast** aan. Laat in de opname zien:

1. een gebruiker die een bericht stuurt naar de pagina;
2. de bot die antwoordt, met quick replies of knoppen;
3. eventueel de overdracht naar een medewerker.

Schrijf de stappen ook uit in het Engels, zodat de beoordelaar ze kan nadoen.

## Na goedkeuring

Zet de app op **Live**. Controleer daarna met een account zonder rol in de app of de bot antwoordt. Controleer ook de webhook-abonnementen: die zijn per pagina ingesteld en worden bij het koppelen van een nieuwe pagina niet automatisch overgenomen.

> **Tip:** Vraag alleen de toestemmingen aan die je echt gebruikt. Elke extra toestemming is een extra reden voor afwijzing en vertraagt de beoordeling.
`,
        },
        {
          slug: 'de-lanceerchecklist',
          title: 'De lanceerchecklist',
          summary: 'Loop vóór de livegang systematisch alle punten na, van teksten tot monitoring.',
          ...videos.lanceren,
          attachments: [attachments.lanceerChecklist],
          freePreview: false,
          bodyMarkdown: md`
## Waarom een checklist?

Een lancering gaat zelden mis door één groot probleem, maar wel door tien kleine: een typefout in de begroeting, een knop die nergens heen gaat of een webhook die na een herstart niet meer draait. Een checklist voorkomt dat.

## De vijf blokken

1. **Inhoud** – zijn alle teksten nagelezen door iemand anders? Klopt de tone of voice? Staan openingstijden en prijzen goed?
2. **Flows** – is elke knop en elke quick reply getest, inclusief terug en opnieuw beginnen? Werkt de fallback?
3. **Techniek** – draait de server stabiel op productiehosting? Wordt de handtekening van elk webhookverzoek gecontroleerd? Staan tokens in omgevingsvariabelen?
4. **Overdracht** – weten medewerkers hoe ze gesprekken overnemen in de inbox? Is de overdracht ook buiten kantoortijd getest?
5. **Meten en monitoren** – worden gesprekken en conversies gemeten? Krijg je een melding als de webhook fouten geeft?

## Eerst een zachte lancering

Begin niet meteen met een advertentiecampagne. Zet de bot eerst een week live voor bestaand verkeer: mensen die uit zichzelf een bericht sturen. Lees dagelijks de gesprekken terug en verbeter wat opvalt. Pas daarna stuur je er actief verkeer naartoe.

## Communicatie

- Vertel het team van je klant wanneer de bot live gaat en wat hij wel en niet doet.
- Spreek af wie in de eerste week de gesprekken bekijkt.
- Plan een evaluatie na twee weken.

> **Tip:** Download de lanceerchecklist in de bijlage en loop hem samen met je klant door. Laat de klant elk blok aftekenen; dat voorkomt discussie achteraf.
`,
        },
        {
          slug: 'verkeer-naar-je-bot',
          title: 'Verkeer naar je bot: m.me-links, QR-codes en advertenties',
          summary: 'Zorg dat mensen je bot vinden, en meet waar ze vandaan komen.',
          ...videos.lanceren,
          freePreview: false,
          bodyMarkdown: md`
## m.me-links

Elke pagina heeft een korte link, zoals \`https://m.me/jouwpagina\`. Wie erop klikt, opent direct een gesprek. Voeg een \`ref\`-parameter toe om de bron te meten:

\`\`\`text
https://m.me/jouwpagina?ref=nieuwsbrief-maart
\`\`\`

Bij een bestaand gesprek ontvangt je webhook een \`messaging_referrals\`-event met die \`ref\`. Bij een nieuw gesprek zit de \`ref\` in de postback van de Get Started-knop. Zo kun je per bron een ander welkomstbericht sturen.

## Waar zet je de link?

- **Website** – een knop "Stel je vraag via Messenger" op de contactpagina. Meta heeft de chatplug-in voor websites in 2024 stopgezet, dus een link of knop is nu de standaard.
- **E-mail en nieuwsbrief** – in je handtekening en bij acties.
- **Offline** – een **QR-code** met de m.me-link op de toonbank, flyers of verpakkingen.
- **Instagram- en Facebook-bio** – één duidelijke oproep tot actie.

## Click-to-Messenger-advertenties

Bij een advertentie met als doel berichten opent een klik direct een gesprek met je bot. Stel in Advertentiebeheer een welkomsttekst met vooraf ingestelde vragen in en vang die vragen af in je bot. Begin met een klein dagbudget, bijvoorbeeld €10, en meet de kosten per gesprek en per lead.

## Alles meten

Geef elke bron een eigen \`ref\` en sla die op bij de gebruiker. Dan zie je later precies welke bron de meeste leads of afspraken oplevert.

> **Tip:** Zet bij een QR-code altijd een korte tekst, zoals "Scan en plan direct je afspraak". Een kale QR-code wordt veel minder gescand.
`,
        },
        {
          slug: 'opvolgen-binnen-de-regels',
          title: 'Opvolgen binnen de regels: 24-uursvenster en tags',
          summary: 'Stuur opvolgberichten die volgens Meta mogen en die gebruikers waarderen.',
          ...videos.lanceren,
          freePreview: false,
          bodyMarkdown: md`
## Het 24-uursvenster opnieuw bekeken

Binnen 24 uur na het laatste bericht van een gebruiker mag je alles sturen, ook aanbiedingen. Daarna zijn er drie legitieme routes.

1. **Message tags** – voor specifieke updates zonder promotie:
   - \`CONFIRMED_EVENT_UPDATE\` – herinneringen en wijzigingen rond een afspraak of evenement waarvoor de gebruiker zich heeft aangemeld;
   - \`POST_PURCHASE_UPDATE\` – updates over een aankoop, zoals verzending of een mislukte betaling;
   - \`ACCOUNT_UPDATE\` – niet-terugkerende wijzigingen in een account of aanvraag;
   - \`HUMAN_AGENT\` – een antwoord van een medewerker, tot zeven dagen na het laatste bericht.
2. **Marketingberichten met opt-in** – de gebruiker meldt zich uitdrukkelijk aan voor berichten, bijvoorbeeld een maandelijkse tip. Meta heeft hiervoor een speciaal opt-in-verzoek, en de gebruiker kan zich altijd weer afmelden.
3. **Gesponsorde berichten** – betaalde berichten via Advertentiebeheer aan mensen die al eerder met je pagina spraken.

## Wat niet mag

Een aanbieding versturen met de tag \`POST_PURCHASE_UPDATE\` ("Je bestelling is verzonden... en nu 20% korting!") is misbruik. Meta kan je pagina dan beperken in het versturen van berichten.

## Goede opvolging

- **Binnen het venster**: stuur een nuttige follow-up zolang het gesprek nog warm is, bijvoorbeeld een uur na een onvoltooide aanvraag.
- **Met toestemming**: vraag aan het eind van een goed gesprek: "Zal ik je één keer per maand de beste tip sturen?"
- **Respecteer afmeldingen** direct en volledig.

> **Tip:** Houd per gebruiker het tijdstip van het laatste bericht bij en laat je code weigeren om buiten het venster iets te versturen zonder geldige tag of opt-in. Zo kan een bug of een enthousiaste collega je pagina niet in de problemen brengen.
`,
        },
        {
          slug: 'meten-en-verbeteren',
          title: 'Meten en verbeteren met de juiste cijfers',
          summary: 'Richt een dashboard in met de cijfers die ertoe doen en verbeter in korte rondes.',
          ...videos.lanceren,
          freePreview: false,
          bodyMarkdown: md`
## De trechter van een gesprek

Meet elke stap van je belangrijkste flow als een trechter:

1. **Gestart** – het aantal nieuwe gesprekken.
2. **Eerste keuze** – hoeveel mensen op een quick reply tikken.
3. **Halverwege** – bijvoorbeeld dienst en datum gekozen.
4. **Doel bereikt** – afspraak geboekt, lead verstuurd of betaling gedaan.

Het grootste verschil tussen twee stappen is je **afhaakpunt**. Daar begin je met verbeteren.

## Cijfers die ertoe doen

- **Conversie** – het percentage gesprekken dat het doel bereikt.
- **Automatiseringsgraad** – het percentage gesprekken zonder overdracht.
- **Fallbackpercentage** – hoe vaak de bot iets niet begrijpt.
- **Reactietijd van medewerkers** na een overdracht.
- **Tevredenheid** – een korte vraag aan het eind, met duim omhoog of omlaag.

## Zo meet je het

Log per gebruiker events als \`flow_gestart\`, \`datum_gekozen\` en \`afspraak_geboekt\`, met tijdstip en bron (\`ref\`). Een eenvoudige tabel in je database en een paar queries zijn genoeg om te beginnen. Wil je grafieken, koppel dan een tool als Metabase of Looker Studio.

## Verbeteren in rondes

Werk in rondes van twee weken: kies één afhaakpunt, bedenk een aanpassing (een kortere tekst, andere knoppen of een stap minder), voer die door en vergelijk de cijfers. Verander niet vijf dingen tegelijk, anders weet je niet wat er werkte.

> **Tip:** Lees elke week twintig echte gesprekken terug. Cijfers vertellen je wáár mensen afhaken; gesprekken vertellen je waarom.
`,
        },
      ],
    },
    {
      slug: 'verkopen-aan-klanten',
      title: 'Verkopen aan klanten',
      summary: 'Maak van chatbots een dienst: niche, prijzen, verkoopgesprek, offerte en oplevering.',
      lessons: [
        {
          slug: 'je-aanbod-en-niche-bepalen',
          title: 'Je aanbod en niche bepalen',
          summary: 'Kies een niche waarin je snel expert wordt en een aanbod dat ondernemers direct begrijpen.',
          ...videos.verkopen,
          captions: 'je-aanbod-en-niche-bepalen.nl.vtt',
          chapters: chapters([0, 'Waarom een niche?'], [12, 'Kenmerken van een goede niche'], [24, 'Verkoop een resultaat'], [36, 'Je eerste portfolio']),
          freePreview: false,
          bodyMarkdown: md`
## Waarom een niche?

"Ik bouw chatbots" is moeilijk te verkopen. "Ik bouw Messenger-bots die kappers elke week tien extra afspraken opleveren" is dat niet. Met een niche spreek je de taal van je klant, hergebruik je flows en word je sneller de bekende expert.

## Kenmerken van een goede niche

- **Veel herhaalde vragen of afspraken** – denk aan kappers, garages, fysiotherapeuten, makelaars en sportscholen.
- **Klanten die al actief zijn** op Facebook en Instagram.
- **Een duidelijke waarde per conversie** – een afspraak, proefles of bezichtiging is direct in euro's uit te drukken.
- **Bereikbare beslissers** – de eigenaar beslist zelf, zonder inkoopafdeling.

## Verkoop een resultaat, geen bot

Ondernemers kopen geen webhooks of quick replies. Ze kopen minder telefoontjes, meer afspraken en tevreden klanten. Formuleer je aanbod dus als resultaat, bijvoorbeeld: "Een Messenger-assistent die dag en nacht afspraken inplant en de meestgestelde vragen beantwoordt, binnen drie weken live."

## Je eerste portfolio

Heb je nog geen klanten? Bouw een bot voor je eigen bedrijf of voor een ondernemer uit je netwerk tegen een gereduceerd tarief, in ruil voor een case met echte cijfers en een aanbeveling. Eén goede case met cijfers verkoopt beter dan tien mooie demo's.

## Opdracht

Schrijf je aanbod in één zin: voor wie, welk resultaat en binnen welke termijn. Leg die zin voor aan drie ondernemers uit je doelgroep en vraag wat ze ervan vinden.

> **Tip:** Begin met één niche en één standaardbot. Na drie klanten in dezelfde branche bouw je de vierde in de helft van de tijd.
`,
        },
        {
          slug: 'prijzen-en-pakketten',
          title: 'Prijzen en pakketten samenstellen',
          summary: 'Bepaal een prijsmodel met opzetkosten en een maandelijks abonnement.',
          ...videos.verkopen,
          freePreview: false,
          bodyMarkdown: md`
## Opzetkosten plus abonnement

Het meest gebruikte prijsmodel voor chatbotbouwers bestaat uit twee delen:

- **Eenmalige opzetkosten** – voor strategie, flowontwerp, bouw, teksten en lancering.
- **Maandelijks abonnement** – voor hosting, monitoring, kleine aanpassingen en rapportage.

Het abonnement zorgt voor terugkerende omzet en voor een bot die blijft werken. Een bot zonder onderhoud veroudert snel.

## Drie pakketten

| Pakket | Inhoud | Opzet | Per maand |
|---|---|---|---|
| Start | Vragenbot, menu, overdracht | €750 | €49 |
| Groei | + afspraken of leads, CRM-koppeling | €1.950 | €129 |
| Pro | + betalingen, AI, maatwerk | vanaf €3.500 | €249 |

De bedragen zijn een voorbeeld. Reken zelf uit hoeveel uur je gemiddeld kwijt bent en wat je per uur wilt verdienen.

## Prijzen op basis van waarde

Reken met je klant uit wat de bot oplevert. Een kapsalon die via de bot vijf extra afspraken per week boekt van €45, verdient daar ruim €900 per maand mee. Dan is €129 per maand een makkelijke beslissing.

## Valkuilen

- **Onbeperkte wijzigingen** in het abonnement: spreek een maximum af, bijvoorbeeld twee uur per maand.
- **Geen minimale looptijd**: kies voor minimaal zes of twaalf maanden.
- **Advertentiebudget in je prijs**: houd advertentiekosten altijd apart; die betaalt de klant rechtstreeks aan Meta.

> **Tip:** Presenteer altijd drie pakketten. De meeste klanten kiezen het middelste, en dat is precies het pakket dat jij het liefst verkoopt.
`,
        },
        {
          slug: 'het-verkoopgesprek',
          title: 'Het verkoopgesprek met een ondernemer',
          summary: 'Voer een kennismakingsgesprek dat draait om het probleem van de klant, niet om techniek.',
          ...videos.verkopen,
          freePreview: false,
          bodyMarkdown: md`
## Voorbereiding

Bekijk vóór het gesprek de Facebook-pagina, het Instagram-account en de website van de ondernemer. Stuur zelf een bericht naar de pagina: hoe snel komt er antwoord? Noteer drie concrete kansen die je ziet.

## De opbouw van het gesprek

1. **Kennismaken (5 minuten)** – wie ben jij, wie zijn zij en wat is het doel van het gesprek?
2. **Vragen stellen (15 minuten)** – Hoeveel berichten krijgen jullie per week? Welke vragen komen steeds terug? Wie beantwoordt ze nu, en hoe snel? Wat kost een gemiste klant?
3. **Demo (10 minuten)** – laat een werkende bot uit dezelfde branche zien, het liefst op je telefoon. Laat de ondernemer zelf een afspraak maken.
4. **Oplossing schetsen (5 minuten)** – vat het probleem samen in hun woorden en beschrijf de oplossing en het resultaat.
5. **Volgende stap** – spreek concreet af wanneer je de offerte stuurt en wanneer je elkaar weer spreekt.

## Bezwaren

- **"Klanten willen een mens spreken."** – Klopt, en dat blijft ook mogelijk. De bot beantwoordt de standaardvragen, zodat jullie meer tijd hebben voor de lastige.
- **"Is dit niet duur?"** – Reken samen uit wat de tijdwinst en de extra afspraken opleveren.
- **"We hebben er geen tijd voor."** – Jij doet het werk; van hen vraag je twee uur voor input en een testronde.

> **Tip:** Laat de ondernemer meer praten dan jijzelf. Hoe beter je het probleem begrijpt, hoe makkelijker de offerte zichzelf verkoopt.
`,
        },
        {
          slug: 'een-offerte-die-getekend-wordt',
          title: 'Een offerte die getekend wordt',
          summary: 'Schrijf een heldere offerte met scope, planning, prijs en voorwaarden.',
          ...videos.verkopen,
          attachments: [attachments.offerte],
          freePreview: false,
          bodyMarkdown: md`
## Kort en concreet

Een goede offerte voor een chatbot past op twee tot drie pagina's. De klant moet binnen vijf minuten kunnen zien wat hij krijgt, wanneer en voor welke prijs.

## De vaste onderdelen

1. **Samenvatting** – het probleem en het resultaat, in de woorden uit het verkoopgesprek.
2. **Scope** – welke flows, koppelingen en functies erin zitten, en wat uitdrukkelijk níet.
3. **Planning** – bijvoorbeeld week 1 ontwerp, week 2 bouw, week 3 testen en lanceren.
4. **Investering** – opzetkosten en maandbedrag exclusief btw, met de looptijd van het abonnement.
5. **Wat je van de klant nodig hebt** – toegang tot de pagina via Meta Business Suite, informatie, openingstijden en een contactpersoon.
6. **Voorwaarden** – betalingstermijn, aantal feedbackrondes, eigendom van teksten en code, en opzegtermijn.
7. **Akkoord** – een duidelijke manier om te tekenen, bij voorkeur digitaal.

## Scope afbakenen

De meeste discussies gaan over wat wel of niet is inbegrepen. Schrijf daarom per onderdeel concreet op wat je levert. "Een afspraakflow met maximaal vier diensten en een koppeling met Google Agenda" is beter dan "afspraakmodule".

## Opvolgen

Stuur de offerte binnen 48 uur na het gesprek en plan direct een moment om hem samen door te nemen. Een offerte die je in een gesprek toelicht, wordt veel vaker getekend dan een pdf die in een inbox blijft liggen.

> **Tip:** In de bijlage vind je een offertesjabloon in Markdown. Vul de velden tussen vierkante haken in en exporteer het naar pdf, of plak de tekst in je eigen offertetool.
`,
        },
        {
          slug: 'oplevering-en-overdracht',
          title: 'Oplevering en overdracht aan de klant',
          summary: 'Lever de bot professioneel op, met training, documentatie en duidelijke afspraken.',
          ...videos.verkopen,
          freePreview: false,
          bodyMarkdown: md`
## De opleverdag

Plan een vast moment, online of op locatie, waarop je de bot samen met de klant live zet. Neem het volgende door:

1. **Demo van alle flows** op de telefoon van de klant.
2. **Training inbox** – hoe neemt een medewerker een gesprek over in Meta Business Suite, en hoe geeft hij het terug aan de bot?
3. **Eerste cijfers** – laat zien waar het dashboard staat en wat de belangrijkste cijfers betekenen.
4. **Afspraken** – wie is het aanspreekpunt, hoe meld je een probleem en wanneer is de eerste evaluatie?

## Documentatie

Geef de klant een kort document van maximaal vijf pagina's met:

- een overzicht van de flows en de belangrijkste teksten;
- welke gegevens de bot opslaat en hoe lang;
- hoe de klant openingstijden of een antwoord kan laten aanpassen;
- contactgegevens voor support en de afgesproken reactietijden.

## Toegang en eigendom

Zorg dat de **pagina en de Meta-app eigendom zijn van het Business-portfolio van de klant**, met jou als partner. Zo houdt de klant de controle, ook als jullie ooit stoppen met samenwerken. Leg ook vast wie eigenaar is van de code en de hosting.

## Evaluatie na twee weken

Bespreek de eerste resultaten, de fallbacks en de overdrachten, en kies samen drie verbeteringen. Dit is ook het ideale moment om te vragen om een review of een doorverwijzing.

> **Tip:** Maak korte schermopnames van de belangrijkste handelingen voor medewerkers. Nieuwe collega's van je klant kunnen die later zelf terugkijken, en dat scheelt jou supportvragen.
`,
        },
      ],
    },
    {
      slug: 'onderhoud-en-support',
      title: 'Onderhoud & support',
      summary: 'Houd bots gezond en klanten tevreden: monitoring, API-updates, verbeterrondes en supportafspraken.',
      lessons: [
        {
          slug: 'monitoring-en-foutmeldingen',
          title: 'Monitoring en foutmeldingen',
          summary: 'Merk problemen op voordat je klant ze merkt, met logs, health checks en alerts.',
          ...videos.lanceren,
          captions: 'monitoring-en-foutmeldingen.nl.vtt',
          chapters: chapters([0, 'Wat kan er misgaan?'], [8, 'Drie lagen monitoring'], [20, 'Foutcodes van de Send API'], [28, 'Alertmoeheid voorkomen']),
          freePreview: false,
          bodyMarkdown: md`
## Wat kan er misgaan?

- Je server of hosting ligt eruit.
- Het paginatoegangstoken is ongeldig geworden, bijvoorbeeld omdat een beheerder zijn wachtwoord wijzigde.
- Een koppeling met CRM, agenda of betaalprovider geeft fouten.
- Meta heeft je webhook uitgeschakeld na te veel mislukte leveringen.

## Drie lagen monitoring

1. **Uptime-check** – een dienst als UptimeRobot of Better Stack roept elke minuut een \`/health\`-endpoint aan, dat ook de database controleert.
2. **Foutlogging** – log elke mislukte Send API-aanroep met foutcode en PSID. Tools als Sentry bundelen fouten en sturen een melding bij een piek.
3. **Bedrijfsmetingen** – laat je waarschuwen als er een hele dag geen gesprekken of afspraken zijn. Zo vang je problemen die technisch niet als fout zichtbaar zijn.

## Foutcodes van de Send API

Een fout van de Graph API ziet er zo uit:

\`\`\`json
{
  "error": {
    "message": "Error validating access token: The session has been invalidated.",
    "type": "OAuthException",
    "code": 190,
    "error_subcode": 460
  }
}
\`\`\`

Code **190** betekent een ongeldig token: je moet direct ingrijpen. Code **10** of **551** betekent meestal dat je deze gebruiker nu geen bericht kunt of mag sturen, bijvoorbeeld buiten het 24-uursvenster. Reageer per code anders: opnieuw proberen, de gebruiker overslaan of jezelf een alert sturen.

## Alertmoeheid voorkomen

Stuur alleen meldingen waarop iemand iets moet doen. Een kanaal dat elke dag vol staat met onbelangrijke waarschuwingen, lees je na een week niet meer.

> **Tip:** Kijk ook regelmatig naar de meldingen in het App-dashboard van Meta. Meta waarschuwt daar als webhookleveringen mislukken, vaak al voordat je klant iets merkt.
`,
        },
        {
          slug: 'api-versies-en-tokens-bijhouden',
          title: 'Graph API-versies en tokens bijhouden',
          summary: 'Plan upgrades van de Graph API en voorkom dat je bot stilvalt door een ongeldig token.',
          ...videos.lanceren,
          freePreview: false,
          bodyMarkdown: md`
## Versies van de Graph API

Meta brengt meerdere keren per jaar een nieuwe versie van de Graph API uit. Elke versie wordt ongeveer twee jaar ondersteund. Daarna worden je aanroepen automatisch doorgezet naar de oudste versie die nog wel wordt ondersteund. Dat lijkt handig, maar kan ongemerkt gedrag veranderen.

## Zo blijf je bij

- **Eén plek** – zet het versienummer in je configuratie, niet verspreid door je code.
- **Changelog lezen** – lees bij elke nieuwe versie de wijzigingen voor Messenger en de Graph API.
- **Upgrade-agenda** – plan twee keer per jaar een upgrade en test eerst met je testapp en testpagina.
- **Meldingen** – laat meldingen van het App-dashboard naar een gedeeld e-mailadres gaan, niet naar de inbox van een oud-collega.

## Tokens

Een paginatoegangstoken dat is afgeleid van een langlevend gebruikerstoken verloopt in principe niet, maar wordt wel ongeldig als:

- de gebruiker die het token aanmaakte geen beheerder meer is van de pagina;
- die gebruiker zijn wachtwoord wijzigt of de toegang van de app intrekt;
- Meta om veiligheidsredenen sessies ongeldig maakt.

Gebruik daarom bij voorkeur een **systeemgebruiker** in het Business-portfolio van de klant. Een token van een systeemgebruiker hangt niet aan een persoon en blijft werken als medewerkers vertrekken.

## Jaarlijkse controle

Loop minimaal eens per jaar de app-instellingen, het privacybeleid en de toestemmingen na, en voer de jaarlijkse **Data Use Checkup** uit die Meta van elke app vraagt.

> **Tip:** Zet in je onderhoudsagenda een terugkerende taak "Graph API-versie controleren" op 1 maart en 1 september. Tien minuten werk voorkomt een middag brandjes blussen.
`,
        },
        {
          slug: 'gesprekken-analyseren-en-bijschaven',
          title: 'Gesprekken analyseren en bijschaven',
          summary: 'Maak van echte gesprekken een vaste verbeterroutine voor je bot.',
          ...videos.lanceren,
          freePreview: false,
          bodyMarkdown: md`
## Elke maand een verbeterronde

Een bot is nooit af. Klanten stellen nieuwe vragen, aanbod en prijzen veranderen en de taal van je doelgroep verschuift. Plan daarom elke maand een vaste verbeterronde van een uur of twee.

## Zo analyseer je gesprekken

1. **Verzamel de fallbacks** – welke berichten begreep de bot niet? Groepeer ze per onderwerp.
2. **Bekijk de overdrachten** – waarom wilden mensen een medewerker? Was dat terecht, of had de bot het kunnen oplossen?
3. **Zoek de afhaakpunten** – waar stoppen mensen met antwoorden? Lees juist die gesprekken terug.
4. **Noteer opvallende woorden** – hoe noemen klanten dingen zelf? Zegt iedereen "knippen" en staat op jouw knop "haarbehandeling", pas dan de knop aan.

## Prioriteren

Zet alle ideeën in een lijst en geef elk idee een score voor impact (hoeveel gesprekken worden er beter van?) en voor moeite. Begin met hoge impact en weinig moeite: vaak zijn dat tekstaanpassingen of één extra quick reply.

## Rapporteren aan je klant

Stuur na elke ronde een korte rapportage met:

- het aantal gesprekken, conversies en overdrachten ten opzichte van vorige maand;
- de drie belangrijkste inzichten uit de gesprekken;
- wat je hebt aangepast en wat je voor volgende maand voorstelt.

Zo ziet je klant de waarde van het abonnement, en wordt verlengen een formaliteit.

> **Tip:** Anonimiseer voorbeelden uit gesprekken voordat je ze in een rapportage zet. Namen, telefoonnummers en e-mailadressen horen daar niet in thuis.
`,
        },
        {
          slug: 'supportafspraken-en-sla',
          title: 'Supportafspraken en een onderhoudscontract',
          summary: 'Leg vast wat je klant van je mag verwachten, en wat niet.',
          ...videos.lanceren,
          freePreview: false,
          bodyMarkdown: md`
## Waarom een SLA?

Zonder afspraken verwacht je klant dat je altijd en direct reageert, ook op zondagavond. Een **service level agreement** (SLA) maakt duidelijk wat er in het abonnement zit en beschermt zowel je klant als jezelf.

## Wat leg je vast?

- **Prioriteiten**, bijvoorbeeld:
  - *kritiek* – de bot reageert helemaal niet: reactie binnen 4 werkuren;
  - *hoog* – een belangrijke flow werkt niet: reactie binnen 1 werkdag;
  - *normaal* – een tekstwijziging of kleine vraag: reactie binnen 3 werkdagen.
- **Bereikbaarheid** – via welk kanaal meldt de klant een probleem, en op welke dagen en tijden ben je bereikbaar?
- **Inbegrepen uren** – bijvoorbeeld twee uur aanpassingen per maand; extra werk tegen een vast uurtarief.
- **Onderhoud** – API-upgrades, beveiligingsupdates en monitoring zijn inbegrepen.
- **Grenzen** – storingen bij Meta of bij externe diensten vallen buiten je verantwoordelijkheid, maar je houdt de klant wel op de hoogte.
- **Looptijd en opzegging** – bijvoorbeeld twaalf maanden, daarna maandelijks opzegbaar.

## Support organiseren

Gebruik één vast meldpunt, zoals een supportmailadres of een formulier, en geen losse appjes. Zo raakt er niets kwijt en kun je laten zien dat je binnen de afgesproken tijd reageerde. Houd een eenvoudig overzicht bij van alle meldingen en oplossingen.

## Groeit je klantenbestand?

Vanaf een stuk of tien klanten loont het om alles te standaardiseren: dezelfde hosting, dezelfde monitoring en dezelfde rapportage voor iedereen. Dan kost elke extra klant weinig extra tijd, en wordt je onderhoudsomzet een stabiele basis onder je bedrijf.

> **Tip:** Evalueer de SLA eens per jaar met je klant. Vaak blijkt dat de klant meer wil, en dat is het moment om een groter pakket aan te bieden.
`,
        },
      ],
    },
  ],
}

import type { EbookContent } from './content.ts'

export const ebookNl: EbookContent = {
  title: 'Je eerste Messenger-chatbot in 5 minuten',
  subtitle: 'Het gratis stappenplan van Jouw Bot: van idee tot een bot die klanten helpt, en hoe je er een dienst van maakt.',
  edition: 'Editie 2026',
  contentsTitle: 'Inhoud',
  intro:
    'Dit stappenplan is voor iedereen die wil weten wat een Messenger-bot is, er zelf een wil bouwen en er misschien geld mee wil verdienen door bots voor klanten te maken. Je hebt geen programmeerkennis nodig. Lees het in een kwartier, en bouw daarna in vijf minuten je eerste bot.',
  sections: [
    {
      title: '1. Wat is een Messenger-bot?',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Een Messenger-bot is een programma dat namens een Facebook-pagina of Instagram-account gesprekken voert in Messenger. Stuurt iemand een bericht, dan antwoordt de bot direct: met tekst, knoppen, afbeeldingen of een vraag terug. De bot werkt dag en nacht en raakt nooit geïrriteerd door dezelfde vraag.',
        },
        {
          kind: 'paragraph',
          text: 'De meeste bots zijn geen kunstmatige intelligentie die alles begrijpt, maar een goed ontworpen gesprek met keuzes. Dat is juist hun kracht: voorspelbaar, snel en eerlijk over wat ze wel en niet kunnen. Waar nodig geeft de bot het gesprek door aan een mens.',
        },
        { kind: 'paragraph', text: 'Waar bedrijven bots voor gebruiken:' },
        {
          kind: 'list',
          items: [
            'Veelgestelde vragen beantwoorden: openingstijden, levertijden, prijzen, retourbeleid.',
            'Afspraken en reserveringen laten maken, of doorsturen naar een boekingspagina.',
            'Leads verzamelen: wie is geïnteresseerd, waarin, en hoe kunnen we je bereiken (met toestemming).',
            'Bestellingen volgen en klanten op de hoogte houden.',
            'Een gesprek warm overdragen aan een medewerker met alle informatie erbij.',
          ],
        },
        {
          kind: 'tip',
          title: 'Onthoud',
          text: 'Een goede bot bespaart tijd voor de klant én voor het bedrijf. Begint een bot mensen te hinderen, dan is het ontwerp fout, niet de techniek.',
        },
      ],
    },
    {
      title: '2. Waarom Messenger?',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Klanten zitten al in Messenger. Ze hoeven geen app te installeren, geen account aan te maken en geen formulier in te vullen. Een bericht sturen voelt laagdrempelig, en een snel antwoord maakt indruk. Voor kleine bedrijven is dat een voorsprong: ze lijken bereikbaarder dan grote concurrenten.',
        },
        {
          kind: 'list',
          items: [
            'Snelheid: een antwoord binnen seconden in plaats van uren.',
            'Schaal: honderd mensen tegelijk helpen kost de bot evenveel als één.',
            'Overzicht: je ziet welke vragen het vaakst terugkomen en kunt je website en aanbod daarop verbeteren.',
            'Persoonlijk: de bot spreekt mensen aan in hun eigen gesprek, op hun eigen moment.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Let wel op de regels van Meta: een bedrijf mag binnen 24 uur na het laatste bericht van een klant vrij antwoorden; daarna alleen met bepaalde, toegestane berichttypes. Stuur nooit ongevraagd reclame. Een bot die mensen respecteert, houdt zijn bereik.',
        },
      ],
    },
    {
      title: '3. Wat heb je nodig?',
      blocks: [
        { kind: 'paragraph', text: 'Voor je eerste bot heb je verrassend weinig nodig:' },
        {
          kind: 'list',
          items: [
            'Een Facebook-pagina waarvan je beheerder bent (een testpagina is prima).',
            'Een account bij een botbouwer zoals ManyChat of Chatfuel; het gratis abonnement volstaat om te beginnen.',
            'Een doel: één vraag die de bot goed moet beantwoorden. Niet tien.',
            'Tien minuten en een telefoon om je bot zelf te testen.',
          ],
        },
        {
          kind: 'tip',
          title: 'Kies één doel',
          text: 'De meest gemaakte fout is een bot die alles wil doen. Begin met de vraag die het bedrijf het vaakst krijgt. Werkt die goed, breid dan uit.',
        },
        {
          kind: 'paragraph',
          text: 'Denk ook vooraf na over privacy. Vraag alleen gegevens die je echt nodig hebt, zeg waarvoor je ze gebruikt, en bewaar ze niet langer dan nodig. Vraag je een e-mailadres voor een nieuwsbrief, dan is dat een aparte, vrijwillige keuze.',
        },
      ],
    },
    {
      title: '4. Stap voor stap: je eerste bot',
      blocks: [
        {
          kind: 'steps',
          items: [
            { title: 'Koppel je pagina', text: 'Log in bij je botbouwer, kies "Facebook Messenger" en geef toegang tot je pagina. Dit duurt een minuut.' },
            { title: 'Schrijf het welkomstbericht', text: 'Stel je bot voor in één zin en zeg wat hij kan. Bijvoorbeeld: "Hoi! Ik ben de assistent van Bakkerij Jansen. Ik help je met openingstijden en bestellingen."' },
            { title: 'Voeg drie knoppen toe', text: 'Geef de belangrijkste keuzes als knoppen: "Openingstijden", "Bestellen", "Iemand spreken". Knoppen werken beter dan laten typen.' },
            { title: 'Vul elk antwoord in', text: 'Maak per knop een kort antwoord. Eén boodschap per bericht, hooguit drie zinnen. Eindig met een vervolgvraag of een knop terug.' },
            { title: 'Regel de overdracht', text: 'Bij "Iemand spreken": zeg eerlijk wanneer een mens reageert en zet een melding aan voor de beheerder.' },
            { title: 'Test en zet live', text: 'Stuur je pagina zelf een bericht vanaf je telefoon. Loop elke knop na. Werkt alles? Zet de bot aan. Klaar.' },
          ],
        },
        {
          kind: 'tip',
          title: 'Vijf minuten',
          text: 'Met een sjabloon van je botbouwer heb je stap 1 tot en met 6 echt in vijf minuten gedaan. Het schaven aan teksten is daarna het echte werk.',
        },
      ],
    },
    {
      title: '5. Gesprekken die werken',
      blocks: [
        { kind: 'paragraph', text: 'Het verschil tussen een bot die mensen helpt en een bot die ze wegjaagt, zit in de teksten. Een paar regels die altijd werken:' },
        {
          kind: 'list',
          items: [
            'Schrijf zoals het bedrijf praat: een kapper klinkt anders dan een accountant.',
            'Houd berichten kort. Liever drie korte berichten met een kleine pauze dan één lap tekst.',
            'Geef altijd een uitweg: een knop terug naar het menu en een manier om een mens te spreken.',
            'Zeg wat de bot niet weet, in plaats van te raden.',
            'Vraag pas om gegevens als duidelijk is waarom, en maak het optioneel waar dat kan.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Lees de gesprekken van de eerste week terug. Waar haken mensen af? Welke vragen typen ze die de bot niet kent? Pas daar het ontwerp op aan. Een bot is nooit af; hij wordt beter met elk gesprek.',
        },
      ],
    },
    {
      title: '6. Bots verkopen aan klanten',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Kun je een bot bouwen, dan kun je er ook een dienst van maken. Veel ondernemers weten dat ze veel berichten krijgen, maar niet dat een bot daar iets aan kan doen. Jij laat het zien.',
        },
        {
          kind: 'steps',
          items: [
            { title: 'Kies een branche', text: 'Restaurants, kappers, sportscholen en webwinkels krijgen allemaal dezelfde vragen. Eén branche maakt je verhaal scherp en je sjablonen herbruikbaar.' },
            { title: 'Bouw een demo', text: 'Maak een voorbeeldbot voor een verzonnen bedrijf in die branche. Een demo op de telefoon van de klant overtuigt meer dan elke presentatie.' },
            { title: 'Reken de winst voor', text: 'Hoeveel berichten komen er per week? Hoeveel tijd kost dat? Een bot die vijf uur per week bespaart, verdient zichzelf snel terug.' },
            { title: 'Begin klein', text: 'Bied een vaste startprijs voor een bot met één doel. Uitbreiden kan later; tevreden klanten kopen vaker.' },
          ],
        },
        { kind: 'tip', title: 'Eerlijk verkopen', text: 'Beloof geen wonderen. Laat zien wat de bot doet, wat hij niet doet, en wie de klant helpt als de bot het niet weet.' },
      ],
    },
    {
      title: '7. Prijzen, onderhoud en afspraken',
      blocks: [
        {
          kind: 'paragraph',
          text: 'De meeste botbouwers rekenen een eenmalig bedrag voor het bouwen en een maandbedrag voor onderhoud. Onderhoud is echt werk: teksten bijwerken, nieuwe vragen toevoegen, de regels van Meta volgen en maandelijks laten zien wat de bot opleverde.',
        },
        {
          kind: 'list',
          items: [
            'Bouw: een vaste prijs per bot met een duidelijke omschrijving van wat erin zit.',
            'Onderhoud: een maandbedrag met een vast aantal wijzigingen en een korte maandrapportage.',
            'Extra\'s: koppelingen met agenda\'s, webwinkels of e-mail, apart geprijsd.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Leg afspraken vast: wie eigenaar is van de pagina en de bot, wie toegang heeft, en wat er met de gegevens van klanten gebeurt. Jij verwerkt persoonsgegevens voor je klant, dus sluit een verwerkersovereenkomst. Dat is geen bureaucratie, maar vertrouwen.',
        },
      ],
    },
    {
      title: '8. Checklist',
      blocks: [
        { kind: 'paragraph', text: 'Loop deze lijst na voor je een bot live zet, voor jezelf of voor een klant:' },
        {
          kind: 'checklist',
          items: [
            'De bot heeft één duidelijk doel.',
            'Het welkomstbericht zegt wie de bot is en wat hij kan.',
            'Elke keuze heeft een antwoord en een weg terug.',
            'Er is altijd een manier om een mens te spreken.',
            'De teksten klinken als het bedrijf, kort en vriendelijk.',
            'De bot vraagt alleen gegevens die echt nodig zijn, en zegt waarvoor.',
            'Een nieuwsbrief is een aparte, vrijwillige keuze.',
            'Je hebt elke route zelf getest op een telefoon.',
            'Iemand krijgt een melding als een klant een mens wil spreken.',
            'Je leest de gesprekken van de eerste week terug en verbetert de bot.',
            'Met een klant: afspraken en verwerkersovereenkomst zijn vastgelegd.',
          ],
        },
      ],
    },
    {
      title: '9. Verder leren',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Je eerste bot staat. Wil je verder, met bots die afspraken boeken, bestellingen opnemen en leads opvolgen, en wil je leren hoe je daar een bedrijf van maakt? In de Premium Cursus van Jouw Bot leer je het stap voor stap, met video\'s, voorbeelden en sjablonen, en kun je een coach om hulp vragen.',
        },
        {
          kind: 'paragraph',
          text: 'Ontvang je onze nieuwsbrief? Dan krijg je af en toe nieuwe tips, voorbeelden en wijzigingen in de regels van Meta. Afmelden kan altijd met één klik.',
        },
      ],
    },
  ],
  closing: 'Veel plezier met bouwen! — Robin en het team van Jouw Bot · jouwbot.nl',
  footer: 'Jouw Bot · Je eerste Messenger-chatbot in 5 minuten · pagina {{page}}',
  documentTitle: 'Je eerste Messenger-chatbot in 5 minuten — Jouw Bot',
  fileName: 'jouwbot-stappenplan.pdf',
}

import type { EbookContent } from './content.ts'

export const ebookEn: EbookContent = {
  title: 'Your first Messenger chatbot in 5 minutes',
  subtitle: 'The free Jouw Bot step-by-step guide: from idea to a bot that helps customers, and how to turn it into a service.',
  edition: '2026 edition',
  contentsTitle: 'Contents',
  intro:
    'This guide is for anyone who wants to know what a Messenger bot is, wants to build one, and perhaps wants to earn money building bots for clients. You need no programming skills. Read it in fifteen minutes, then build your first bot in five.',
  sections: [
    {
      title: '1. What is a Messenger bot?',
      blocks: [
        {
          kind: 'paragraph',
          text: 'A Messenger bot is a program that holds conversations in Messenger on behalf of a Facebook page or Instagram account. When someone sends a message, the bot answers at once: with text, buttons, images or a question back. It works day and night and never tires of the same question.',
        },
        {
          kind: 'paragraph',
          text: 'Most bots are not artificial intelligence that understands everything, but a well-designed conversation with choices. That is their strength: predictable, fast and honest about what they can and cannot do. Where needed, the bot hands the conversation to a person.',
        },
        { kind: 'paragraph', text: 'What businesses use bots for:' },
        {
          kind: 'list',
          items: [
            'Answering frequent questions: opening hours, delivery times, prices, returns.',
            'Taking appointments and bookings, or sending people to a booking page.',
            'Collecting leads: who is interested, in what, and how to reach them (with consent).',
            'Tracking orders and keeping customers informed.',
            'Handing a conversation to a colleague with all the information attached.',
          ],
        },
        { kind: 'tip', title: 'Remember', text: 'A good bot saves time for the customer and the business. When a bot starts getting in people\'s way, the design is wrong, not the technology.' },
      ],
    },
    {
      title: '2. Why Messenger?',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Customers are already in Messenger. They install no app, create no account and fill in no form. Sending a message feels easy, and a quick answer impresses. For small businesses that is an edge: they seem easier to reach than big competitors.',
        },
        {
          kind: 'list',
          items: [
            'Speed: an answer within seconds instead of hours.',
            'Scale: helping a hundred people at once costs the bot as much as helping one.',
            'Insight: you see which questions come back most and can improve your website and offer.',
            'Personal: the bot talks to people in their own conversation, at their own moment.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Mind Meta\'s rules: a business may answer freely within 24 hours of a customer\'s last message; after that only with certain permitted message types. Never send unsolicited advertising. A bot that respects people keeps its reach.',
        },
      ],
    },
    {
      title: '3. What do you need?',
      blocks: [
        { kind: 'paragraph', text: 'For your first bot you need surprisingly little:' },
        {
          kind: 'list',
          items: [
            'A Facebook page you manage (a test page is fine).',
            'An account with a bot builder such as ManyChat or Chatfuel; the free plan is enough to start.',
            'A goal: one question the bot must answer well. Not ten.',
            'Ten minutes and a phone to test your bot yourself.',
          ],
        },
        { kind: 'tip', title: 'Pick one goal', text: 'The most common mistake is a bot that wants to do everything. Start with the question the business gets most often. When that works well, expand.' },
        {
          kind: 'paragraph',
          text: 'Think about privacy up front. Ask only for data you really need, say what you use it for, and keep it no longer than needed. If you ask for an e-mail address for a newsletter, make that a separate, voluntary choice.',
        },
      ],
    },
    {
      title: '4. Step by step: your first bot',
      blocks: [
        {
          kind: 'steps',
          items: [
            { title: 'Connect your page', text: 'Log in to your bot builder, choose "Facebook Messenger" and grant access to your page. This takes a minute.' },
            { title: 'Write the welcome message', text: 'Introduce your bot in one sentence and say what it can do. For example: "Hi! I am the assistant of Jansen Bakery. I help you with opening hours and orders."' },
            { title: 'Add three buttons', text: 'Offer the main choices as buttons: "Opening hours", "Order", "Talk to someone". Buttons work better than typing.' },
            { title: 'Fill in each answer', text: 'Write a short answer per button. One message per message, three sentences at most. End with a follow-up question or a back button.' },
            { title: 'Arrange the hand-over', text: 'For "Talk to someone": say honestly when a person will reply, and switch on a notification for the page manager.' },
            { title: 'Test and go live', text: 'Message your page from your phone. Try every button. All working? Switch the bot on. Done.' },
          ],
        },
        { kind: 'tip', title: 'Five minutes', text: 'With a template from your bot builder, steps 1 to 6 really take five minutes. Polishing the texts afterwards is the real work.' },
      ],
    },
    {
      title: '5. Conversations that work',
      blocks: [
        { kind: 'paragraph', text: 'The difference between a bot that helps people and one that drives them away is in the texts. A few rules that always work:' },
        {
          kind: 'list',
          items: [
            'Write the way the business talks: a hairdresser sounds different from an accountant.',
            'Keep messages short. Three short messages with a small pause beat one wall of text.',
            'Always offer a way out: a button back to the menu and a way to reach a person.',
            'Say what the bot does not know, instead of guessing.',
            'Ask for data only when it is clear why, and make it optional where you can.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Read back the conversations of the first week. Where do people drop out? Which questions do they type that the bot does not know? Adjust the design there. A bot is never finished; it gets better with every conversation.',
        },
      ],
    },
    {
      title: '6. Selling bots to clients',
      blocks: [
        { kind: 'paragraph', text: 'If you can build a bot, you can turn it into a service. Many business owners know they get lots of messages, but not that a bot can help. You show them.' },
        {
          kind: 'steps',
          items: [
            { title: 'Pick an industry', text: 'Restaurants, hairdressers, gyms and web shops all get the same questions. One industry sharpens your story and makes your templates reusable.' },
            { title: 'Build a demo', text: 'Make an example bot for a made-up business in that industry. A demo on the client\'s own phone convinces more than any presentation.' },
            { title: 'Show the gain', text: 'How many messages come in per week? How much time does that take? A bot that saves five hours a week pays for itself quickly.' },
            { title: 'Start small', text: 'Offer a fixed starting price for a bot with one goal. Expansion can come later; happy clients buy again.' },
          ],
        },
        { kind: 'tip', title: 'Sell honestly', text: 'Promise no miracles. Show what the bot does, what it does not, and who helps the customer when the bot does not know.' },
      ],
    },
    {
      title: '7. Prices, maintenance and agreements',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Most bot builders charge a one-off fee for building and a monthly fee for maintenance. Maintenance is real work: updating texts, adding new questions, following Meta\'s rules and showing each month what the bot achieved.',
        },
        {
          kind: 'list',
          items: [
            'Build: a fixed price per bot with a clear description of what is included.',
            'Maintenance: a monthly fee with a set number of changes and a short monthly report.',
            'Extras: connections to calendars, web shops or e-mail, priced separately.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Put agreements in writing: who owns the page and the bot, who has access, and what happens to customers\' data. You process personal data for your client, so sign a data processing agreement. That is not bureaucracy but trust.',
        },
      ],
    },
    {
      title: '8. Checklist',
      blocks: [
        { kind: 'paragraph', text: 'Go through this list before a bot goes live, for yourself or for a client:' },
        {
          kind: 'checklist',
          items: [
            'The bot has one clear goal.',
            'The welcome message says who the bot is and what it can do.',
            'Every choice has an answer and a way back.',
            'There is always a way to reach a person.',
            'The texts sound like the business: short and friendly.',
            'The bot asks only for data it really needs, and says why.',
            'A newsletter is a separate, voluntary choice.',
            'You tested every route yourself on a phone.',
            'Someone is notified when a customer wants to talk to a person.',
            'You read back the first week\'s conversations and improve the bot.',
            'With a client: agreements and a data processing agreement are in writing.',
          ],
        },
      ],
    },
    {
      title: '9. Keep learning',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Your first bot is live. Want to go further, with bots that book appointments, take orders and follow up leads, and learn how to build a business on it? The Jouw Bot Premium Course teaches it step by step, with videos, examples and templates, and you can ask a coach for help.',
        },
        { kind: 'paragraph', text: 'Do you get our newsletter? Then you will receive new tips, examples and changes in Meta\'s rules now and then. You can always unsubscribe with one click.' },
      ],
    },
  ],
  closing: 'Enjoy building! — Robin and the Jouw Bot team · jouwbot.nl',
  footer: 'Jouw Bot · Your first Messenger chatbot in 5 minutes · page {{page}}',
  documentTitle: 'Your first Messenger chatbot in 5 minutes — Jouw Bot',
  fileName: 'jouwbot-step-by-step-guide.pdf',
}

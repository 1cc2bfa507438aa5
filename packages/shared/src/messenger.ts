/**
 * The Messenger chat link. Kept free of zod: the footer and the landing page show it, and those
 * pages load no schemas (see apps/web/vite.config.ts).
 */

/** Where the "Chat with us on Messenger" link was clicked (its `ref`, so the chat knows the context). */
export const messengerRefs = ['home', 'footer', 'coaching'] as const
export type MessengerRef = (typeof messengerRefs)[number]

/** The entry point of the Messenger chat: a plain link (no widget, no third-party script). */
export const messengerLink = (page: string, ref: MessengerRef): string => `https://m.me/${encodeURIComponent(page)}?ref=${ref}`

/** Marketing (Messenger chat): the entry point for jobs, the privacy services and the router (`@jouwbot/api/marketing/chat`). */
export { queueChatContact, refreshChatContact, type QueueChatContactOptions } from './queue-chat-contact.ts'
export { syncChatContacts, removeChatContact, chatRetryDelayMs, type SyncChatContactsResult, type RemoveChatContactOptions } from './sync-chat-contacts.ts'
export { getChatSettings, getMyChatContact } from './get-chat-settings.ts'
